-- Récapitulatif quotidien par courriel : les agents qui l'ont demandé reçoivent chaque matin la liste (numéros seuls)
-- des dossiers de leur service où l'usager a envoyé de nouveaux éléments. Une ligne = demandé ; supprimée = désactivé.
create table recapitulatif_agent (
  agent_id   bigint primary key references agent (id) on delete cascade,
  demande_le timestamptz not null default now()
);
