-- Séances de la commission départementale de vidéoprotection (CSI R252-7 et suivants), tenues par le secrétariat
-- de chaque préfecture, et inscription des dossiers à leur ordre du jour avec l'avis rendu.
create table seance_commission (
  id               bigserial primary key,
  code_departement text not null references departement (code),
  debut            timestamptz not null,
  lieu             text not null check (length(btrim(lieu)) > 0),
  creee_par        bigint references agent (id) on delete set null,
  creee_le         timestamptz not null default now()
);
create index seance_commission_departement_idx on seance_commission (code_departement, debut);

-- Un dossier peut être reporté à une séance ultérieure : l'inscription précédente reste (historique) mais n'est
-- plus « courante » ; une seule inscription courante par dossier.
create table inscription_seance (
  id             bigserial primary key,
  seance_id      bigint not null references seance_commission (id) on delete cascade,
  dossier_id     bigint not null references dossier (id) on delete cascade,
  courante       boolean not null default true,
  inscrit_le     timestamptz not null default now(),
  inscrit_par    bigint references agent (id) on delete set null,
  -- La commission a demandé à disposer d'un mois supplémentaire pour rendre son avis (R252-15).
  prorogation    boolean not null default false,
  avis           text check (avis in ('FAVORABLE', 'FAVORABLE_AVEC_RESERVES', 'DEFAVORABLE')),
  texte_avis     text,
  avis_le        timestamptz,
  avis_par       bigint references agent (id) on delete set null,
  unique (seance_id, dossier_id),
  check ((avis is null) = (avis_le is null))
);
create unique index inscription_seance_courante_unique on inscription_seance (dossier_id) where courante;
create index inscription_seance_dossier_idx on inscription_seance (dossier_id, inscrit_le);
