-- Timbres fiscaux électroniques : chaque utilisation d'un timbre par un dossier (réservé, consommé, libéré).
-- Au plus une utilisation non libérée par timbre : deux dossiers ne peuvent pas tenir le même timbre.
create table timbre_utilisation (
    id          bigserial primary key,
    numero      char(16)      not null check (numero ~ '^[0-9]{16}$'),
    dossier     varchar(64)   not null,
    motif       varchar(64)   not null,
    montant     numeric(8, 2) not null check (montant > 0),
    statut      varchar(8)    not null check (statut in ('RESERVE', 'CONSOMME', 'LIBERE')),
    reserve_le  timestamptz   not null,
    consomme_le timestamptz,
    libere_le   timestamptz
);

create unique index timbre_utilisation_une_active on timbre_utilisation (numero) where statut <> 'LIBERE';
create index timbre_utilisation_dossier on timbre_utilisation (dossier) where statut <> 'LIBERE';
