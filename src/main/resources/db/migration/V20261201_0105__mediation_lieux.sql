-- Lieux de médiation numérique (points numériques des préfectures et sous-préfectures, espaces numériques),
-- champ pour champ selon le schéma national des lieux de médiation numérique ; listes séparées par « | » dans le CSV.
create table lieu_mediation (
    id                         varchar(100) primary key,
    pivot                      varchar(20),
    nom                        varchar(250) not null,
    commune                    varchar(100) not null,
    code_postal                char(5)      not null,
    code_insee                 varchar(5),
    adresse                    varchar(250) not null,
    complement_adresse         varchar(250),
    latitude                   double precision not null check (latitude between -90 and 90),
    longitude                  double precision not null check (longitude between -180 and 180),
    typologie                  varchar(100),
    telephone                  varchar(20),
    courriels                  text[]       not null default '{}',
    site_web                   text[]       not null default '{}',
    horaires                   varchar(500),
    presentation_resume        varchar(280),
    presentation_detail        varchar(2000),
    source                     varchar(100),
    itinerance                 varchar(100),
    structure_parente          varchar(100),
    date_maj                   date,
    services                   text[]       not null,
    prise_en_charge_specifique text[]       not null default '{}',
    fiche_acces_libre          varchar(300),
    importe_le                 timestamptz  not null default now()
);

create index lieu_mediation_position on lieu_mediation (latitude, longitude);
create index lieu_mediation_code_postal on lieu_mediation (code_postal);
