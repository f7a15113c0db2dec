-- Issue 10, point 4 : la décision de l'agent enregistre l'acte (numéro, texte XHTML fixé à la décision) ; son PDF est
-- rendu après la transaction, puis joint au dossier. Une ligne non rendue est reprise par la tâche « actes-production ».
create table acte_a_rendre (
  id           bigserial primary key,
  dossier_id   bigint not null references dossier (id) on delete cascade,
  code_piece   text not null,
  nom_fichier  text not null,
  gabarit      text not null,
  xhtml        text not null constraint acte_a_rendre_xhtml_borne check (length(xhtml) <= 524288),
  cree_le      timestamptz not null default now(),
  reserve_le   timestamptz,
  tentatives   int not null default 0,
  erreur       text,
  rendu_le     timestamptz
);
create index acte_a_rendre_en_attente_idx on acte_a_rendre (id) where rendu_le is null;
