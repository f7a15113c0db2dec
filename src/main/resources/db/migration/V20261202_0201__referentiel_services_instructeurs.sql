-- Services instructeurs (préfectures, Préfecture de police, CERT, plus tard mairies) et compétence datée
-- (famille de démarches × département → service). Remplace service_prefecture et agent_prefecture, sans perte.
-- Voir docs/adr/0009-services-instructeurs-et-competence.md.

create table service_instructeur (
  code                 text primary key check (code ~ '^[A-Za-z0-9-]{2,40}$'),
  type                 text not null check (type in ('PREFECTURE', 'PREFECTURE_POLICE', 'CERT', 'MAIRIE')),
  nom                  text not null check (char_length(nom) between 1 and 150),
  bureau               text not null default '' check (char_length(bureau) <= 150),
  code_departement     text not null references departement (code),
  adresse              text not null default '' check (char_length(adresse) <= 400),
  telephone            text not null default '' check (char_length(telephone) <= 100), -- valeurs héritées : « standard de la préfecture … »
  courriel             text not null default '' check (char_length(courriel) <= 254),
  horaires             text not null default '' check (char_length(horaires) <= 300),
  signataire_prenom    text not null default '' check (char_length(signataire_prenom) <= 80),
  signataire_nom       text not null default '' check (char_length(signataire_nom) <= 80),
  signataire_qualite   text not null default '' check (char_length(signataire_qualite) <= 150),
  reference_delegation text not null default '' check (char_length(reference_delegation) <= 200),
  delai_cible_jours    int not null default 60 check (delai_cible_jours between 1 and 365),
  modifie_le           timestamptz,
  modifie_par          bigint references agent (id) on delete set null
);

-- Chaque préfecture garde son code de département comme code de service (les adresses /agent/prefectures/83/…
-- restent valables) ; Paris : la Préfecture de police (R252-1 CSI pour la vidéoprotection).
insert into service_instructeur (code, type, nom, bureau, code_departement, adresse, telephone, courriel, delai_cible_jours)
select s.code_departement, case when s.code_departement = '75' then 'PREFECTURE_POLICE' else 'PREFECTURE' end,
       d.libelle_prefecture, s.nom, s.code_departement, s.adresse, s.telephone, s.courriel, s.delai_cible_jours
from service_prefecture s join departement d on d.code = s.code_departement;

drop table service_prefecture;
-- Lecture seule, pour le code qui lit encore l'ancienne table (transition ; à supprimer quand plus rien ne la lit).
create view service_prefecture as
  select code as code_departement, bureau as nom, adresse, telephone, courriel, delai_cible_jours
  from service_instructeur where type in ('PREFECTURE', 'PREFECTURE_POLICE');

-- Compétence datée : une réorganisation est une nouvelle ligne (jamais d'écrasement). La ligne en vigueur à une date
-- est celle dont valide_du est le plus récent (à égalité, la dernière saisie) parmi celles qui couvrent la date.
create table competence (
  id               bigserial primary key,
  famille          text not null check (famille ~ '^[A-Z][A-Z_]{1,39}$'),
  code_departement text not null references departement (code),
  service          text not null references service_instructeur (code),
  valide_du        date not null,
  valide_au        date check (valide_au is null or valide_au > valide_du),
  source           text not null default '' check (char_length(source) <= 300),
  cree_le          timestamptz not null default now(),
  cree_par         bigint references agent (id) on delete set null,
  unique (famille, code_departement, valide_du, service)
);
create index competence_regle_idx on competence (famille, code_departement, valide_du desc, id desc);
create index competence_service_idx on competence (service, famille);

-- Les agents appartiennent à des services (les rattachements aux préfectures deviennent des rattachements à leur service).
alter table agent_prefecture rename to agent_service;
alter table agent_service rename column code_departement to service;
alter table agent_service drop constraint agent_prefecture_code_departement_fkey;
alter table agent_service add constraint agent_service_service_fkey foreign key (service) references service_instructeur (code);
alter index agent_prefecture_departement_idx rename to agent_service_service_idx;

-- Le service instructeur de chaque dossier, fixé au dépôt (famille × département × date de dépôt).
-- Les dossiers déposés jusqu'ici sont tous de vidéoprotection : leur service est la préfecture de leur département
-- (celui-ci est déjà le département compétent : Paris et les aéroports parisiens → 75, la Préfecture de police).
alter table dossier add column service text references service_instructeur (code);
update dossier set service = code_departement where depose_le is not null;

drop index if exists dossier_file_idx;
create index dossier_file_idx on dossier (service, onglet, (not prioritaire), depose_le, id);
drop index if exists dossier_nouveaux_elements_idx;
create index dossier_nouveaux_elements_idx on dossier (service, onglet) where nouveaux_elements_le is not null;
