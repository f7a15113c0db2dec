-- Issue 12, point 5b : l'échange d'un permis délivré hors de l'Union européenne se fait à la préfecture compétente,
-- sur rendez-vous. Un rendez-vous par guichet et par créneau, un seul rendez-vous actif par dossier : deux index
-- uniques partiels, que deux réservations concurrentes ne peuvent pas contourner (une annulation libère la place).
create table permis_rendez_vous (
  id          bigserial primary key,
  dossier_id  bigint not null references dossier (id) on delete cascade,
  service     text not null references service_instructeur (code),
  debut       timestamptz not null,
  guichet     integer not null check (guichet between 1 and 20),
  statut      text not null check (statut in ('ACTIF', 'ANNULE')),
  reserve_le  timestamptz not null,
  annule_le   timestamptz,
  check ((statut = 'ANNULE') = (annule_le is not null))
);
create unique index permis_rdv_un_par_guichet on permis_rendez_vous (service, debut, guichet) where statut = 'ACTIF';
create unique index permis_rdv_un_actif_par_dossier on permis_rendez_vous (dossier_id) where statut = 'ACTIF';
create index permis_rdv_service_jour on permis_rendez_vous (service, debut) where statut = 'ACTIF';
