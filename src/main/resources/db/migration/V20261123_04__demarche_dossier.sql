-- Dossiers des démarches (brouillons puis dossiers déposés), leur cycle de vie et leurs échanges.
create table dossier (
  id                     bigserial primary key,
  numero                 text unique,
  usager_id              bigint references usager (id) on delete set null,
  code_departement       text not null references departement (code),
  demarche               text not null,
  formulaire_id          text not null,
  formulaire_version     text not null,
  reponses               jsonb not null default '{}'::jsonb,
  etat                   text not null default 'BROUILLON',
  reference_autorisation text,
  date_arrete            date,
  cle_validation         uuid unique,
  prioritaire            boolean not null default false,
  cree_le                timestamptz not null default now(),
  modifie_le             timestamptz not null default now(),
  depose_le              timestamptz,
  version                int not null default 0
);
create index dossier_usager_idx on dossier (usager_id, modifie_le desc);
create index dossier_departement_etat_idx on dossier (code_departement, etat, prioritaire desc, depose_le, id);

-- Chaque transition du cycle de vie : qui, quand, d'où, vers où, pourquoi.
create table dossier_transition (
  id          bigserial primary key,
  dossier_id  bigint not null references dossier (id) on delete cascade,
  de          text,
  vers        text not null,
  acteur_type text not null,
  acteur_id   bigint,
  motif       text,
  moment      timestamptz not null default now()
);
create index dossier_transition_dossier_idx on dossier_transition (dossier_id, id);

create table dossier_message (
  id          bigserial primary key,
  dossier_id  bigint not null references dossier (id) on delete cascade,
  auteur_type text not null,
  auteur_id   bigint,
  texte       text not null,
  moment      timestamptz not null default now()
);
create index dossier_message_dossier_idx on dossier_message (dossier_id, id);

create table piece_jointe (
  id           bigserial primary key,
  dossier_id   bigint not null references dossier (id) on delete cascade,
  code_piece   text not null,
  nom          text not null,
  type_contenu text not null,
  taille       bigint not null,
  sha256       text not null,
  cle_stockage text not null,
  depose_le    timestamptz not null default now()
);
create index piece_jointe_dossier_idx on piece_jointe (dossier_id, id);

-- Compteur des numéros de dossier, par démarche, département et année.
create table numero_sequence (
  prefixe          text not null,
  code_departement text not null,
  annee            int not null,
  dernier          int not null,
  primary key (prefixe, code_departement, annee)
);

-- Envois uniques (récépissé par courriel…) : une ligne par effet de bord déjà produit.
create table effet_realise (
  cle      text primary key,
  moment   timestamptz not null default now()
);
