-- Issue 18: the tab counters of a service's queue ("À traiter (5 921)") were a count(*) over every dossier of the
-- service at each queue page (index-only scan of 40 000 entries for the largest service: ~40 ms of PostgreSQL, more
-- than the whole budget of the agent's page). They are now kept by triggers, exact and shared by every instance:
-- one row per (service, département, tab), drafts excluded (they are in no tab of the queue).
create table file_compteur (
    service          text   not null,
    code_departement text   not null,
    onglet           text   not null,
    nombre           bigint not null,
    primary key (service, code_departement, onglet)
);

insert into file_compteur (service, code_departement, onglet, nombre)
select service, code_departement, onglet, count(*)
from dossier
where service is not null and onglet <> 'BROUILLON'
group by service, code_departement, onglet;

-- Adds the signed deltas of a statement, one row per counter, in key order (two transactions always lock counters in
-- the same order). Rows whose delta is zero are not touched.
create function file_compteur_ajouter(deltas jsonb) returns void language sql as $$
    insert into file_compteur as c (service, code_departement, onglet, nombre)
    select d.service, d.code_departement, d.onglet, d.nombre
    from jsonb_to_recordset(deltas) as d(service text, code_departement text, onglet text, nombre bigint)
    where d.nombre <> 0
    order by d.service, d.code_departement, d.onglet
    on conflict (service, code_departement, onglet) do update set nombre = c.nombre + excluded.nombre
$$;

-- Inserted dossiers: one statement for a bulk insert (the bench's seeding), not one call per row.
create function file_compteur_insertion() returns trigger language plpgsql as $$
begin
    perform file_compteur_ajouter(coalesce((
        select jsonb_agg(jsonb_build_object('service', service, 'code_departement', code_departement, 'onglet', onglet,
                                            'nombre', n))
        from (select service, code_departement, onglet, count(*) as n from nouveaux
              where service is not null and onglet <> 'BROUILLON' group by 1, 2, 3) t), '[]'::jsonb));
    return null;
end $$;

create function file_compteur_suppression() returns trigger language plpgsql as $$
begin
    perform file_compteur_ajouter(coalesce((
        select jsonb_agg(jsonb_build_object('service', service, 'code_departement', code_departement, 'onglet', onglet,
                                            'nombre', -n))
        from (select service, code_departement, onglet, count(*) as n from anciens
              where service is not null and onglet <> 'BROUILLON' group by 1, 2, 3) t), '[]'::jsonb));
    return null;
end $$;

-- An update that moves a dossier between tabs, services or départements (the trigger's WHEN is checked in C: the
-- other updates, the great majority, cost nothing more). No column list ("update of onglet"): the tab is written by
-- the before trigger dossier_onglet, and a column list only sees the columns named by the UPDATE statement itself.
create function file_compteur_changement() returns trigger language plpgsql as $$
declare
    deltas jsonb := '[]'::jsonb;
begin
    if old.service is not null and old.onglet <> 'BROUILLON' then
        deltas := deltas || jsonb_build_object('service', old.service, 'code_departement', old.code_departement,
                                               'onglet', old.onglet, 'nombre', -1);
    end if;
    if new.service is not null and new.onglet <> 'BROUILLON' then
        deltas := deltas || jsonb_build_object('service', new.service, 'code_departement', new.code_departement,
                                               'onglet', new.onglet, 'nombre', 1);
    end if;
    perform file_compteur_ajouter(deltas);
    return null;
end $$;

create trigger dossier_file_compteur_insertion after insert on dossier
    referencing new table as nouveaux for each statement execute function file_compteur_insertion();
create trigger dossier_file_compteur_suppression after delete on dossier
    referencing old table as anciens for each statement execute function file_compteur_suppression();
create trigger dossier_file_compteur_changement after update on dossier
    for each row
    when (old.onglet is distinct from new.onglet or old.service is distinct from new.service
          or old.code_departement is distinct from new.code_departement)
    execute function file_compteur_changement();
-- A truncate (never done by Guichet) would leave the counters wrong: it empties them too.
create function file_compteur_vidage() returns trigger language plpgsql as $$
begin
    delete from file_compteur;
    return null;
end $$;
create trigger dossier_file_compteur_vidage after truncate on dossier
    for each statement execute function file_compteur_vidage();
