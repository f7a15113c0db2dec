-- Comptes des usagers (connexion par adresse électronique + mot de passe).
create table usager (
  id                bigserial primary key,
  email             text not null,
  mot_de_passe      text not null,
  active            boolean not null default false,
  cree_le           timestamptz not null default now(),
  active_le         timestamptz,
  code_departement  text references departement (code),
  version           int not null default 0
);
-- Unicité de l'adresse sans tenir compte de la casse.
create unique index usager_email_unique on usager (lower(email));

-- Jetons à usage unique envoyés par courriel (seule leur empreinte SHA-256 est conservée).
create table jeton_compte (
  empreinte    text primary key,
  usager_id    bigint not null references usager (id) on delete cascade,
  type         text not null check (type in ('ACTIVATION', 'REINITIALISATION', 'CHANGEMENT_EMAIL')),
  nouvel_email text,
  expire_le    timestamptz not null,
  utilise_le   timestamptz,
  cree_le      timestamptz not null default now()
);
create index jeton_compte_usager_idx on jeton_compte (usager_id, type, cree_le);

-- Échecs de connexion, pour freiner les essais répétés par compte et par adresse IP.
create table echec_connexion (
  id       bigserial primary key,
  email    text not null,
  ip       text not null,
  moment   timestamptz not null default now()
);
create index echec_connexion_email_idx on echec_connexion (email, moment);
create index echec_connexion_ip_idx on echec_connexion (ip, moment);
