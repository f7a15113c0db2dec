-- Documents officiels émis (accusés de réception, arrêtés…), vérifiables par un code court public.
create table document_emis (
  code             text primary key,
  type             text not null,
  dossier_id       bigint not null references dossier (id) on delete cascade,
  numero           text not null,
  code_departement text not null references departement (code),
  emis_le          timestamptz not null default now(),
  unique (dossier_id, type)
);

-- Coordonnées du service instructeur de chaque préfecture, imprimées sur les accusés de réception (CRPA R112-5).
-- Valeurs initiales génériques : chaque préfecture renseigne son adresse postale et son téléphone.
create table service_prefecture (
  code_departement text primary key references departement (code),
  nom              text not null,
  adresse          text not null,
  telephone        text not null,
  courriel         text not null
);
insert into service_prefecture (code_departement, nom, adresse, telephone, courriel)
select code, 'Bureau de la vidéoprotection', libelle_prefecture || E'\n' || chef_lieu,
       'standard de la ' || lower(substr(libelle_prefecture, 1, 1)) || substr(libelle_prefecture, 2),
       'videoprotection@interieur.gouv.fr'
from departement;
