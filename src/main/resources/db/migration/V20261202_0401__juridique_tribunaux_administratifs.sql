-- Issue 11, point 5 : le tribunal administratif compétent, nommé avec son adresse dans les voies et délais de recours
-- de chaque acte. Une ligne par département, chargée au démarrage depuis actes/tribunaux-administratifs.csv pour les
-- départements absents ; l'administrateur national la modifie ensuite, chaque changement gardé dans l'historique.
create table tribunal_administratif (
  code_departement text primary key references departement (code),
  nom text not null check (length(nom) between 1 and 200 and nom like 'tribunal administratif %'),
  adresse text not null check (length(adresse) between 1 and 500),
  modifie_le timestamptz,
  modifie_par text check (length(modifie_par) <= 320)
);

create table tribunal_administratif_historique (
  id bigserial primary key,
  code_departement text not null references departement (code),
  ancien_nom text not null,
  ancienne_adresse text not null,
  nouveau_nom text not null,
  nouvelle_adresse text not null,
  modifie_le timestamptz not null,
  modifie_par text not null check (length(modifie_par) <= 320)
);

create index tribunal_administratif_historique_dep_idx on tribunal_administratif_historique (code_departement, modifie_le desc);
