-- Issue 16, point 4 : un usager peut n'avoir aucune adresse électronique (compte créé par FranceConnect sans courriel).
alter table usager alter column email drop not null;

-- Où vont les notifications d'un usager qui le choisit (avec son consentement, révocable) : l'adresse d'une personne
-- de confiance, ou un lieu d'aide (courrier à imprimer ou à retirer). Une seule désignation en vigueur par usager ;
-- les désignations révoquées restent, avec leurs dates (preuve du consentement et de sa révocation).
create table usager_destinataire (
  id             bigserial primary key,
  usager_id      bigint not null references usager (id) on delete cascade,
  type           text not null check (type in ('PERSONNE_CONFIANCE', 'LIEU_AIDE')),
  email          text check (email is null or length(email) <= 254),
  nom            text check (nom is null or length(nom) <= 100),
  lieu_id        varchar(100),
  lieu_nom       varchar(250),
  consenti_le    timestamptz not null,
  revoque_le     timestamptz,
  check ((type = 'PERSONNE_CONFIANCE' and email is not null and nom is not null)
      or (type = 'LIEU_AIDE' and lieu_id is not null and lieu_nom is not null))
);
create unique index usager_destinataire_en_vigueur on usager_destinataire (usager_id) where revoque_le is null;
create index usager_destinataire_lieu_idx on usager_destinataire (lieu_id) where revoque_le is null;
