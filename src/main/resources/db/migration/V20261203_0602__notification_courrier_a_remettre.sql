-- Issue 16, point 4 : une notification destinée à un lieu d'aide devient un courrier à imprimer ou à retirer,
-- enregistré une fois sous la clé du message qu'il remplace ; le médiateur du lieu le marque remis.
create table courrier_a_remettre (
  cle           text primary key,
  lieu_id       varchar(100) not null,
  destinataire  text not null,
  sujet         text not null,
  paragraphes   text[] not null,
  lien          text,
  cree_le       timestamptz not null default now(),
  remis_le      timestamptz
);
create index courrier_a_remettre_lieu_idx on courrier_a_remettre (lieu_id, remis_le, cree_le);
