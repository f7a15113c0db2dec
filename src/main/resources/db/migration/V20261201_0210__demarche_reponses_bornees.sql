-- Issue 10, point 4 : les réponses d'un dossier sont bornées aussi en base (dernier rempart derrière la validation
-- et l'enregistrement, qui refusent tout texte de plus de 5 000 caractères).
alter table dossier add constraint dossier_reponses_bornees check (octet_length(reponses::text) <= 2000000) not valid;
