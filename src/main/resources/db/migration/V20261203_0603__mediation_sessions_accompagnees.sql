-- Issue 16, point 3 : médiateurs numériques rattachés à un lieu d'aide (créés par l'administrateur de la préfecture),
-- sessions accompagnées avec le consentement de l'usager, dossiers déposés avec l'aide d'un lieu.
create table mediateur (
  id            bigserial primary key,
  email         text not null check (length(email) <= 254),
  nom           text not null check (length(nom) <= 100),
  mot_de_passe  text,
  lieu_id       varchar(100) not null references lieu_mediation (id),
  code_service  text not null references service_instructeur (code),
  actif         boolean not null default true,
  cree_le       timestamptz not null default now()
);
create unique index mediateur_email_unique on mediateur (lower(email));

-- Invitations (lien à usage unique pour choisir son mot de passe ; seule l'empreinte SHA-256 est conservée).
create table jeton_mediateur (
  empreinte     text primary key,
  mediateur_id  bigint not null references mediateur (id) on delete cascade,
  expire_le     timestamptz not null,
  utilise_le    timestamptz
);

-- Une session accompagnée : ouverte par un médiateur sur l'ordinateur du lieu, liée à l'usager quand il consent.
create table session_accompagnee (
  id                 uuid primary key,
  mediateur_id       bigint not null references mediateur (id),
  lieu_id            varchar(100) not null references lieu_mediation (id),
  debut              timestamptz not null,
  derniere_activite  timestamptz not null,
  -- Délai d'inactivité qui termine la session (10 minutes par défaut, fixé à l'ouverture).
  inactivite_s       integer not null check (inactivite_s between 1 and 3600),
  usager_id          bigint references usager (id) on delete set null,
  consenti_le        timestamptz,
  derniere_etape     text check (derniere_etape is null or length(derniere_etape) <= 200),
  fin                timestamptz,
  motif_fin          text check (motif_fin in ('USAGER', 'INACTIVITE', 'REFUS', 'DECONNEXION'))
);
create index session_accompagnee_lieu_idx on session_accompagnee (lieu_id, debut);
create index session_accompagnee_mediateur_idx on session_accompagnee (mediateur_id, debut);
create index session_accompagnee_ouvertes_idx on session_accompagnee (derniere_activite) where fin is null;

-- « Réalisé avec l'aide de <lieu> » : le lieu seul, jamais le médiateur, est transmis à la préfecture.
create table dossier_aide (
  dossier_id  bigint primary key references dossier (id) on delete cascade,
  session_id  uuid not null references session_accompagnee (id),
  lieu_id     varchar(100) not null,
  lieu_nom    varchar(250) not null,
  demarche    text not null,
  depose_le   timestamptz not null
);
create index dossier_aide_session_idx on dossier_aide (session_id);
