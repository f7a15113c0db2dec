-- Tiers de confiance (issue 15) : entreprises habilitées (professionnels de l’automobile, auto-écoles agréées), leurs
-- collaborateurs, les dépôts faits pour leurs clients avec mandat, les signaux des règles de fraude.
-- L’habilitation elle-même est un dossier de la plateforme (démarche TC_HABILITATION) : son état et toutes ses
-- transitions sont dans dossier / dossier_transition ; tiers_entreprise.statut en est le reflet, écrit dans la même
-- transaction que chaque transition.
create table tiers_entreprise (
  id                    bigserial primary key,
  dossier_habilitation  bigint not null unique references dossier (id),
  gerant_usager_id      bigint references usager (id) on delete set null,
  raison_sociale        text not null check (length(raison_sociale) <= 200),
  siret                 char(14) not null,
  type_tiers            text not null check (type_tiers in ('PROFESSIONNEL_AUTOMOBILE', 'AUTO_ECOLE')),
  activites             text[] not null,
  numero_agrement       text check (length(numero_agrement) <= 40),
  adresse               text not null check (length(adresse) <= 300),
  code_postal           char(5) not null,
  commune               text not null check (length(commune) <= 100),
  code_departement      text not null,
  effectif              integer not null check (effectif between 1 and 100000),
  volume_annuel         integer not null check (volume_annuel between 0 and 1000000),
  statut                text not null check (statut in ('HABILITEE', 'SUSPENDUE', 'RETIREE')),
  habilitee_le          timestamptz not null,
  modifie_le            timestamptz not null
);
create index tiers_entreprise_annuaire_idx on tiers_entreprise (statut, commune);

create table tiers_collaborateur (
  usager_id     bigint primary key references usager (id) on delete cascade,
  entreprise_id bigint not null references tiers_entreprise (id),
  role          text not null check (role in ('GERANT', 'COLLABORATEUR')),
  ajoute_le     timestamptz not null
);
create index tiers_collaborateur_entreprise_idx on tiers_collaborateur (entreprise_id);

create table tiers_invitation (
  id            bigserial primary key,
  entreprise_id bigint not null references tiers_entreprise (id),
  email         text not null check (length(email) <= 254),
  jeton_sha256  char(64) not null unique,
  invite_par    bigint references usager (id) on delete set null,
  cree_le       timestamptz not null,
  expire_le     timestamptz not null,
  acceptee_le   timestamptz
);

create table tiers_depot (
  id                   bigserial primary key,
  entreprise_id        bigint not null references tiers_entreprise (id),
  collaborateur_id     bigint references usager (id) on delete set null,
  dossier_id           bigint not null unique references dossier (id),
  demarche             text not null,
  client_nom           text not null check (length(client_nom) <= 100),
  client_prenoms       text not null check (length(client_prenoms) <= 150),
  client_email         text not null check (length(client_email) <= 254),
  client_adresse       text not null check (length(client_adresse) <= 400),
  mandat_mode          text not null check (mandat_mode in ('TELEVERSE', 'SIGNE_A_L_ECRAN')),
  mandat_sha256        char(64) not null,
  mandat_cle           text,
  mandat_signataire    text not null check (length(mandat_signataire) <= 200),
  lieu                 text not null check (length(lieu) <= 64),
  jeton_sha256         char(64) not null unique,
  depose_le            timestamptz not null,
  oppose_le            timestamptz,
  motif_opposition     text check (length(motif_opposition) <= 2000)
);
create index tiers_depot_entreprise_idx on tiers_depot (entreprise_id, depose_le desc);
create index tiers_depot_adresse_idx on tiers_depot (client_adresse, depose_le);
create index tiers_depot_mandat_idx on tiers_depot (mandat_sha256);
-- Les signaux des règles de fraude sont ceux du module signalement (table signal), levés sur le dossier d’habilitation
-- (pour la préfecture) et, pour les règles propres à un dépôt, sur le dossier du client (pour son service instructeur).
