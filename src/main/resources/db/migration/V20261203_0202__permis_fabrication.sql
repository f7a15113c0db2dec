-- Fabrication des titres du permis (issue 12, point 10) : une ligne par dossier validé par le CERT, créée par
-- l'événement de validation (outbox), avancée par la tâche « permis-fabrication » (commande au service de fabrication,
-- puis suivi jusqu'à l'expédition). Une panne du service laisse la ligne et son erreur : rien n'est perdu, la tâche reprend.
create table permis_fabrication (
  dossier_id           bigint primary key references dossier (id) on delete cascade,
  demandee_le          timestamptz not null,
  numero_commande      text check (char_length(numero_commande) <= 64),
  commandee_le         timestamptz,
  fabrication_prevue_le date,
  livraison_prevue_le  date,
  numero_suivi         text check (char_length(numero_suivi) <= 64),
  expedie_le           date,
  essais               int not null default 0,
  tentative_le         timestamptz,
  derniere_erreur      text check (char_length(derniere_erreur) <= 500),
  erreur_le            timestamptz
);
create index permis_fabrication_en_cours_idx on permis_fabrication (tentative_le nulls first) where expedie_le is null;
