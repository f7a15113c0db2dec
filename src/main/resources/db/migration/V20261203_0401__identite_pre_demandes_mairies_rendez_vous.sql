-- Issue 14 : pré-demandes de carte d'identité et de passeport, mairies équipées d'un dispositif de recueil,
-- rendez-vous. Le dédoublonnage national et l'unicité d'une réservation par poste et par créneau sont portés par
-- les index uniques partiels ci-dessous : deux réservations concurrentes ne peuvent pas toutes deux réussir.

-- Une mairie équipée est un service instructeur de type MAIRIE ; ce qui lui est propre (agenda, dispositifs).
create table identite_mairie (
  service               text primary key references service_instructeur (code),
  code_insee            text not null check (code_insee ~ '^([013-9][0-9]|2[AB1-9])[0-9]{3}$'),
  commune               text not null check (char_length(commune) between 1 and 120),
  code_departement      text not null references departement (code),
  latitude              double precision not null check (latitude between -90 and 90),
  longitude             double precision not null check (longitude between -180 and 180),
  horaires              text not null check (char_length(horaires) <= 500),
  duree_creneau_minutes integer not null check (duree_creneau_minutes between 5 and 120),
  dispositifs           integer not null check (dispositifs between 1 and 20),
  accessibilite         text not null default '' check (char_length(accessibilite) <= 300),
  site_reservation      text check (char_length(site_reservation) <= 300),
  exemple               boolean not null,
  source                text not null check (char_length(source) <= 500),
  modifie_le            timestamptz not null default now()
);
create index identite_mairie_departement on identite_mairie (code_departement);

create table identite_fermeture (
  id      bigserial primary key,
  mairie  text not null references identite_mairie (service),
  du      date not null,
  au      date not null check (au >= du),
  motif   text not null check (char_length(motif) between 1 and 200)
);
create index identite_fermeture_mairie on identite_fermeture (mairie, au);

-- Une pré-demande validée : son numéro (10 caractères, NumeroPreDemande) et ce qu'il faut pour la mairie.
create table identite_pre_demande (
  numero          text primary key check (numero ~ '^[A-Z0-9]{10}$'),
  dossier_id      bigint not null unique references dossier (id),
  usager_id       bigint references usager (id) on delete set null,
  titres          text not null check (titres in ('CNI', 'PASSEPORT', 'CNI_PASSEPORT')),
  motif           text not null check (char_length(motif) <= 40),
  nom             text not null check (char_length(nom) <= 200),
  prenoms         text not null check (char_length(prenoms) <= 200),
  date_naissance  date not null,
  email           text not null check (char_length(email) <= 320),
  valide_jusquau  date not null,
  cree_le         timestamptz not null,
  -- Recueil en mairie : la pré-demande est consommée (plus réservable ni utilisable).
  consommee_le    timestamptz,
  mairie_recueil  text references identite_mairie (service),
  recueillie_par  bigint,
  titre_disponible_le timestamptz,
  remis_le        timestamptz,
  check ((consommee_le is null) = (mairie_recueil is null)),
  check (titre_disponible_le is null or consommee_le is not null),
  check (remis_le is null or titre_disponible_le is not null)
);
create index identite_pre_demande_usager on identite_pre_demande (usager_id);
create index identite_pre_demande_mairie on identite_pre_demande (mairie_recueil) where mairie_recueil is not null;

create table identite_rendez_vous (
  id                 bigserial primary key,
  mairie             text not null references identite_mairie (service),
  debut              timestamptz not null,
  poste              integer not null check (poste between 1 and 20),
  numero_pre_demande text not null references identite_pre_demande (numero),
  usager_id          bigint references usager (id) on delete set null,
  statut             text not null check (statut in ('ACTIF', 'ANNULE', 'HONORE', 'ABSENT')),
  reserve_le         timestamptz not null,
  annule_le          timestamptz,
  rappel_envoye_le   timestamptz,
  check ((statut = 'ANNULE') = (annule_le is not null))
);
-- Jamais deux réservations sur un même poste d'un même créneau (une annulation libère la place).
create unique index identite_rdv_un_par_poste on identite_rendez_vous (mairie, debut, poste) where statut <> 'ANNULE';
-- Un seul rendez-vous actif par numéro de pré-demande, sur tout le territoire.
create unique index identite_rdv_un_actif_par_pre_demande on identite_rendez_vous (numero_pre_demande) where statut = 'ACTIF';
create index identite_rdv_jour on identite_rendez_vous (mairie, debut);
create index identite_rdv_rappel on identite_rendez_vous (debut) where statut = 'ACTIF' and rappel_envoye_le is null;
