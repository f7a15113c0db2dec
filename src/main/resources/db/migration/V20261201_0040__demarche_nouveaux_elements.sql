-- Nouveaux éléments de l'usager (message, document, pièces signalées transmises) qu'aucun agent n'a encore vus :
-- la file et le tableau de bord les signalent jusqu'à l'ouverture du dossier par un agent.
alter table dossier add column nouveaux_elements_le timestamptz;
create index dossier_nouveaux_elements_idx on dossier (code_departement, onglet) where nouveaux_elements_le is not null;
