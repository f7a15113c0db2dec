-- Connexion avec FranceConnect (usagers) et ProConnect (agents).

-- Un compte créé par FranceConnect n'a pas de mot de passe (il peut en définir un ensuite).
alter table usager alter column mot_de_passe drop not null;

-- Identité FranceConnect reliée à un compte usager : clé = `sub` de FranceConnect, identité pivot conservée.
create table usager_franceconnect (
  usager_id          bigint primary key references usager (id) on delete cascade,
  sub                text not null,
  prenoms            text not null,
  nom_naissance      text not null,
  nom_usage          text,
  date_naissance     text not null,
  sexe               text,
  lieu_naissance     text,
  pays_naissance     text,
  email              text,
  relie_le           timestamptz not null default now(),
  derniere_connexion timestamptz not null default now()
);
create unique index usager_franceconnect_sub_unique on usager_franceconnect (sub);

-- Dernière connexion ProConnect d'un agent et méthodes d'authentification (claim `amr` : pwd, mfa, totp…).
alter table agent add column proconnect_derniere_connexion timestamptz;
alter table agent add column proconnect_amr text;
