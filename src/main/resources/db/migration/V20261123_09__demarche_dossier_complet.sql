-- Date à laquelle le dossier est complet (dépôt, ou réception des pièces demandées) : point de départ du délai de
-- 4 mois au terme duquel le silence du préfet vaut rejet (CRPA L114-5 : une demande de pièces suspend ce délai).
alter table dossier add column complet_le timestamptz;
update dossier set complet_le = depose_le where depose_le is not null;
