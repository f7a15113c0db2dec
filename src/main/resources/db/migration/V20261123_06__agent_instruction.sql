-- Agents des préfectures (back office) et leurs rattachements.
create table agent (
  id                      bigserial primary key,
  email                   text not null,
  nom                     text not null,
  mot_de_passe            text,
  actif                   boolean not null default true,
  administrateur_national boolean not null default false,
  cree_le                 timestamptz not null default now()
);
create unique index agent_email_unique on agent (lower(email));

create table agent_prefecture (
  agent_id         bigint not null references agent (id) on delete cascade,
  code_departement text not null references departement (code),
  role             text not null check (role in ('INSTRUCTEUR', 'ADMINISTRATEUR')),
  primary key (agent_id, code_departement)
);
create index agent_prefecture_departement_idx on agent_prefecture (code_departement);

-- Invitations (lien à usage unique pour choisir son mot de passe).
create table jeton_agent (
  empreinte  text primary key,
  agent_id   bigint not null references agent (id) on delete cascade,
  expire_le  timestamptz not null,
  utilise_le timestamptz
);

-- File d'attente : onglet dérivé de l'état, pour une pagination par clé servie par un index.
alter table dossier add column onglet text generated always as (
  case etat
    when 'DEPOSE' then 'A_TRAITER'
    when 'EN_INSTRUCTION' then 'EN_INSTRUCTION'
    when 'AUTORISE_PROVISOIREMENT' then 'EN_INSTRUCTION'
    when 'ATTENTE_PIECES' then 'ATTENTE_PIECES'
    when 'ATTENTE_AVIS_COMMISSION' then 'ATTENTE_COMMISSION'
    when 'BROUILLON' then 'BROUILLON'
    else 'DECIDES'
  end) stored;
alter table dossier add column instructeur_id bigint references agent (id) on delete set null;
alter table dossier add column priorite_suggeree boolean not null default false;
drop index dossier_departement_etat_idx;
create index dossier_file_idx on dossier (code_departement, onglet, (not prioritaire), depose_le, id);

-- Notes privées des agents (jamais visibles de l'usager).
create table note_agent (
  id         bigserial primary key,
  dossier_id bigint not null references dossier (id) on delete cascade,
  agent_id   bigint references agent (id) on delete set null,
  texte      text not null,
  moment     timestamptz not null default now()
);
create index note_agent_dossier_idx on note_agent (dossier_id, id);

alter table dossier_message add column lu_le timestamptz;

-- Délai cible de traitement fixé par chaque préfecture (alerte dans la file).
alter table service_prefecture add column delai_cible_jours int not null default 60;
