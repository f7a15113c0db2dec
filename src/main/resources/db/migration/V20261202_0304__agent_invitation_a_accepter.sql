-- Issue 10, point 10 : un agent actif d'une autre préfecture n'est rattaché qu'après avoir accepté l'invitation
-- (lien envoyé à son adresse) ; le jeton porte le rattachement proposé.
alter table jeton_agent add column code_departement text references departement (code);
alter table jeton_agent add column role text;
