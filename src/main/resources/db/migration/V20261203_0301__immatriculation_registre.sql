-- Immatriculation des véhicules (issue 13) : registre de démonstration (remplaçable par le vrai registre derrière
-- l'interface RegistreVehicules), cessions et codes de cession, tentatives de codes, demandes liées aux dossiers,
-- paiements en ligne, série nationale des numéros.

-- Rang dans la série nationale AA-001-AA… : jamais rendu, même par une transaction annulée ou un plantage.
create sequence immatriculation_serie_seq minvalue 0 start with 0;

create table vehicule (
  id                        bigserial primary key,
  immatriculation           text not null unique,
  vin                       text not null unique,
  marque                    text not null,
  modele                    text not null,
  puissance_fiscale         int not null check (puissance_fiscale between 1 and 99),
  premiere_immatriculation  date not null,
  categorie                 text not null,
  usager_id                 bigint references usager (id) on delete set null,
  titulaire_nom             text not null,
  titulaire_prenoms         text not null,
  cotitulaires              jsonb not null default '[]'::jsonb,
  adresse                   text not null,
  code_postal               text not null,
  commune                   text not null,
  code_departement          text not null references departement (code),
  gage                      boolean not null default false,
  opposition                boolean not null default false,
  vole                      boolean not null default false,
  detruit                   boolean not null default false,
  etiquettes_adresse        int not null default 0 check (etiquettes_adresse between 0 and 3),
  version                   int not null default 0
);
create index vehicule_usager_idx on vehicule (usager_id) where usager_id is not null;

create table vehicule_operation (
  id          bigserial primary key,
  vehicule_id bigint not null references vehicule (id),
  type        text not null,
  moment      timestamptz not null,
  detail      text not null,
  dossier_id  bigint references dossier (id) on delete set null,
  usager_id   bigint references usager (id) on delete set null
);
create index vehicule_operation_idx on vehicule_operation (vehicule_id, id);

-- Déclaration de cession : seule l'empreinte du code est gardée (le code n'est montré qu'une fois, à l'écran).
create table cession (
  id                 bigserial primary key,
  vehicule_id        bigint not null references vehicule (id),
  vendeur_usager_id  bigint references usager (id) on delete set null,
  date_vente         date not null,
  kilometrage        int not null,
  acquereur_nom      text not null,
  acquereur_prenoms  text not null,
  empreinte_code     text not null,
  declaree_le        timestamptz not null,
  expire_le          timestamptz not null,
  utilisee_le        timestamptz,
  remplacee_le       timestamptz,
  dossier_id         bigint references dossier (id) on delete set null
);
create index cession_vehicule_idx on cession (vehicule_id, id desc);
-- Une seule cession ouverte (ni utilisée ni remplacée par une nouvelle déclaration) par véhicule.
create unique index cession_ouverte_unique on cession (vehicule_id) where utilisee_le is null and remplacee_le is null;

-- Chaque code essayé (réussi ou non) : freinage de la force brute et trace d'audit.
create table cession_tentative (
  id              bigserial primary key,
  usager_id       bigint references usager (id) on delete set null,
  immatriculation text not null,
  reussie         boolean not null,
  moment          timestamptz not null
);
create index cession_tentative_usager_idx on cession_tentative (usager_id, moment);
create index cession_tentative_immat_idx on cession_tentative (immatriculation, moment);

-- Ce que le dossier d'une opération porte en plus de ses réponses : le véhicule, la cession, les taxes, la carte.
create table demande_immatriculation (
  dossier_id        bigint primary key references dossier (id) on delete cascade,
  vehicule_id       bigint not null references vehicule (id),
  operation         text not null,
  cession_id        bigint references cession (id),
  montant_centimes  int not null check (montant_centimes >= 0),
  detail_taxes      jsonb not null default '[]'::jsonb,
  numero_attribue   text,
  numero_commande   text,
  numero_suivi      text,
  expedie_le        date,
  livraison_prevue  date,
  motifs_examen     text
);

-- Paiements : un dossier est payé une seule fois (index unique partiel), une tentative abandonnée ou refusée se
-- réessaie par un nouveau paiement.
create table paiement (
  id                     bigserial primary key,
  reference              text not null unique,
  dossier_id             bigint not null references dossier (id) on delete cascade,
  montant_centimes       int not null check (montant_centimes > 0),
  statut                 text not null check (statut in ('EN_ATTENTE', 'PAYE', 'REFUSE', 'ABANDONNE')),
  identifiant_prestataire text,
  url_paiement           text,
  cree_le                timestamptz not null,
  termine_le             timestamptz
);
create unique index paiement_paye_unique on paiement (dossier_id) where statut = 'PAYE';
create index paiement_dossier_idx on paiement (dossier_id, id desc);

-- Recherche d'un numéro saisi sans ses espaces ni tirets (ancien format FNI « 1234 AB 83 » compris).
create index vehicule_immatriculation_compacte_idx on vehicule ((regexp_replace(immatriculation, '[ -]', '', 'g')));
