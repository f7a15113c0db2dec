-- Tiers de confiance (issue 15), suite : dépôts en immatriculation pour un client, résiliation de l’habilitation par le
-- professionnel, règles de fraude sur l’adresse de référence (BAN) et les reventes en chaîne.

-- Un changement de titulaire déposé par un professionnel est ouvert (code de cession, mandat) puis payé : il n’est
-- transmis qu’au paiement. transmis_le : transmission du dossier au service (et remise au client) ; null tant qu’il
-- attend son paiement. Les dépôts déjà faits l’ont été d’un seul geste.
alter table tiers_depot add column transmis_le timestamptz;
update tiers_depot set transmis_le = depose_le;
-- Le mandat téléversé est joint au dossier du client à sa transmission (un brouillon ne reçoit pas de pièce) : ce qu’il
-- faut pour l’y joindre.
alter table tiers_depot add column mandat_nom text check (length(mandat_nom) <= 255);
alter table tiers_depot add column mandat_type text check (length(mandat_type) <= 100);
alter table tiers_depot add column mandat_taille bigint;
-- Le véhicule (reventes en chaîne) et la réponse du référentiel des adresses (null : non vérifiée, référentiel en panne).
alter table tiers_depot add column immatriculation text check (length(immatriculation) <= 12);
alter table tiers_depot add column adresse_connue boolean;
create index tiers_depot_immatriculation_idx on tiers_depot (immatriculation, depose_le) where immatriculation is not null;
-- Un brouillon abandonné avant paiement emporte son dépôt (rien d’autre n’y renvoie).
alter table tiers_depot drop constraint tiers_depot_dossier_id_fkey;
alter table tiers_depot add constraint tiers_depot_dossier_id_fkey foreign key (dossier_id) references dossier (id) on delete cascade;

-- Résiliation par le professionnel : préavis de deux mois (titres.md), fin_le = date d’effet ; la convention court
-- jusque-là, puis l’habilitation est résiliée (plus de dépôt, dossiers consultables).
alter table tiers_entreprise add column fin_le timestamptz;
alter table tiers_entreprise drop constraint tiers_entreprise_statut_check;
alter table tiers_entreprise add constraint tiers_entreprise_statut_check
  check (statut in ('HABILITEE', 'SUSPENDUE', 'RETIREE', 'RESILIATION_NOTIFIEE', 'RESILIEE'));
