-- Issue 10, point 2 : code à usage unique envoyé à l'adresse du titulaire d'une autorisation, pour qu'un titulaire qui
-- n'est pas le compte déposant reprenne ses réponses dans un brouillon de modification ou de renouvellement.
-- Seule l'empreinte SHA-256 du code est conservée ; durée de vie courte et nombre d'essais borné.
create table code_titulaire (
  id              bigserial primary key,
  brouillon_id    bigint not null references dossier (id) on delete cascade,
  autorisation_id bigint not null references dossier (id) on delete cascade,
  empreinte       text not null,
  expire_le       timestamptz not null,
  essais          int not null default 0,
  utilise_le      timestamptz,
  cree_le         timestamptz not null default now()
);
create index code_titulaire_brouillon_idx on code_titulaire (brouillon_id, id);
