-- Signaux (issue 12, point 11) : un fait inhabituel relevé sur un dossier par une règle d'une démarche (code ePhoto
-- réutilisé, même pièce d'identité dans plusieurs dossiers…), pour les agents du service instructeur. Un signal est
-- levé une seule fois par (dossier, règle, objet) et n'est jamais modifié : la table est son historique.
create table signal (
  id           bigserial primary key,
  dossier_id   bigint not null references dossier (id) on delete cascade,
  service      text not null references service_instructeur (code),
  regle        text not null check (regle ~ '^[a-z][a-z0-9-]{1,59}$'),
  objet        text not null check (char_length(objet) between 1 and 200),
  explication  text not null check (char_length(explication) between 1 and 1000),
  details      json not null default '{}'::json check (pg_column_size(details) <= 8000),
  leve_le      timestamptz not null,
  constraint signal_une_fois unique (dossier_id, regle, objet)
);
create index signal_dossier_idx on signal (dossier_id, leve_le, id);
create index signal_service_idx on signal (service, leve_le desc, id desc);
create index signal_service_regle_idx on signal (service, regle, leve_le desc, id desc);

-- Un signal enregistré ne se réécrit pas (seule la suppression du dossier l'emporte, par cascade).
create function signal_immuable() returns trigger language plpgsql as $$
begin
  raise exception 'Un signal enregistré ne se modifie pas (signal %)', old.id;
end $$;
create trigger signal_immuable before update on signal for each row execute function signal_immuable();
