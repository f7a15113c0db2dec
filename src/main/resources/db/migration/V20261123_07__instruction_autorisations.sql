-- Registre des systèmes autorisés (arrêtés), tenu par chaque préfecture ; la liste publique en est extraite.
create table autorisation (
  id               bigserial primary key,
  dossier_id       bigint not null unique references dossier (id) on delete cascade,
  code_departement text not null references departement (code),
  numero_arrete    text not null unique,
  date_arrete      date not null,
  expire_le        date not null,
  provisoire       boolean not null default false,
  titulaire        text not null,
  commune          text not null,
  adresse          text not null,
  nombre_cameras   int not null,
  retiree_le       date
);
create index autorisation_expiration_idx on autorisation (code_departement, expire_le);
create index autorisation_rappel_idx on autorisation (expire_le) where retiree_le is null and not provisoire;
