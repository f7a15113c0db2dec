-- Issue 18 (ADR 0030) : le profil de l'usager (identifiant, adresse, département choisi) n'est plus relu à chaque
-- requête, il est pris dans la session. Toute modification qui doit faire sortir l'usager ou qui change ce profil
-- supprime, dans la même transaction, ses sessions (nom de titulaire = son adresse, ou « usager-sans-adresse:<id> »
-- pour un compte FranceConnect sans adresse, voir UsagerPrincipal.nom) : la requête suivante, sur n'importe quelle
-- instance, ne trouve plus de session et redemande la connexion. Déclencheurs en base : aucune voie d'écriture (code,
-- SQL d'exploitation, autre instance) n'y échappe.
--
-- Seule exception : la session qui fait elle-même le changement, quand l'usager reste actif et garde son adresse
-- (nouveau mot de passe choisi dans « Mon compte », nouvelle préfecture). L'application la désigne dans la
-- transaction (set_config('guichet.session_conservee', <identifiant de session>, true)) et y remplace elle-même le
-- profil. Une désactivation, une suppression ou un changement d'adresse ferment toutes les sessions, sans exception.

create function usager_nom_de_session(id bigint, email text) returns text language sql immutable as $$
  select coalesce(email, 'usager-sans-adresse:' || id);
$$;

create function revoquer_sessions_usager_modifie() returns trigger language plpgsql as $$
declare
  conservee text;
begin
  if tg_op = 'DELETE' then
    delete from spring_session where principal_name = usager_nom_de_session(old.id, old.email);
    return null;
  end if;
  if new.active and old.id = new.id and old.email is not distinct from new.email then
    conservee := nullif(current_setting('guichet.session_conservee', true), '');
  end if;
  delete from spring_session
   where principal_name in (usager_nom_de_session(old.id, old.email), usager_nom_de_session(new.id, new.email))
     and (conservee is null or session_id::text <> conservee);
  return null;
end;
$$;

create trigger usager_profil_modifie after update on usager for each row
  when (old.id is distinct from new.id or old.email is distinct from new.email
        or old.mot_de_passe is distinct from new.mot_de_passe or old.active is distinct from new.active
        or old.code_departement is distinct from new.code_departement)
  execute function revoquer_sessions_usager_modifie();

create trigger usager_supprime after delete on usager for each row
  execute function revoquer_sessions_usager_modifie();
