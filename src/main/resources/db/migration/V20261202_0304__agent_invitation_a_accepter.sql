-- Issue 10, point 10 : un agent actif d'un autre service n'est rattaché qu'après avoir accepté l'invitation
-- (lien envoyé à son adresse) ; le jeton porte le rattachement proposé (service et rôle).
alter table jeton_agent add column service text references service_instructeur (code);
alter table jeton_agent add column role text;
