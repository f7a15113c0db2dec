-- Permis de conduire (issue 12 B) : la photo et la signature ePhoto confirmées par l'usager pour son dossier, avec le
-- fait « code déjà utilisé pour le dossier d'une autre personne » (lu par le CERT), et le NEPH attribué à l'inscription.
create table permis_ephoto (
    dossier_id     bigint primary key references dossier (id) on delete cascade,
    code           varchar(40)  not null,
    confirme_le    timestamptz  not null,
    identite       varchar(300) not null,
    reutilise      boolean      not null,
    explication    varchar(1000)
);

create index permis_ephoto_code on permis_ephoto (code);

create table permis_neph (
    dossier_id  bigint primary key references dossier (id) on delete cascade,
    neph        char(12)    not null unique check (neph ~ '^[0-9]{12}$'),
    attribue_le timestamptz not null
);

-- Rang de l'inscription dans le mois, par département (les 4 derniers chiffres du NEPH).
create table permis_neph_compteur (
    mois        char(4) not null,
    departement char(2) not null,
    dernier     integer not null check (dernier between 1 and 9999),
    primary key (mois, departement)
);
