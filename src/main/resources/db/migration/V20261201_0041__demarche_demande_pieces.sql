-- Issue 11 : une demande de pièces fixe une date limite et liste les pièces ; le délai de rejet implicite est
-- suspendu de la demande jusqu'à la réception des pièces ou, au plus tard, jusqu'à la date limite (CRPA L114-5).
-- À la réception, les jours de suspension s'ajoutent à dossier.jours_suspension : date de rejet implicite =
-- complet_le + 4 mois + jours_suspension (ancienne date + (min(réception, date limite) − demande)).
create table demande_pieces (
  id               bigserial primary key,
  dossier_id       bigint not null references dossier (id) on delete cascade,
  demandee_le      timestamptz not null,
  echeance         date not null,
  pieces           text not null check (length(btrim(pieces)) > 0),
  demandee_par     bigint,
  recues_le        timestamptz,
  jours_suspension integer check (jours_suspension >= 0),
  check ((recues_le is null) = (jours_suspension is null))
);
create unique index demande_pieces_ouverte_unique on demande_pieces (dossier_id) where recues_le is null;
create index demande_pieces_dossier_idx on demande_pieces (dossier_id, demandee_le);

alter table dossier add column jours_suspension integer not null default 0 check (jours_suspension >= 0);
