-- Issue 18 (ADR 0029) : le profil de l'agent (services, rôles, administrateur national, actif) n'est plus relu à chaque
-- requête, il est pris dans la session. Toute modification de ces droits supprime, dans la même transaction, les
-- sessions de l'agent (nom de titulaire = son adresse) : la requête suivante, sur n'importe quelle instance, ne trouve
-- plus de session et redemande la connexion. Déclencheurs en base : aucune voie d'écriture (code, SQL d'exploitation,
-- autre module) ne peut changer un droit sans révoquer les sessions.

create function revoquer_sessions_agent(id_agent bigint) returns void language sql as $$
  delete from spring_session where principal_name = (select email from agent where id = id_agent);
$$;

create function revoquer_sessions_agent_modifie() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'agent' then
    delete from spring_session where principal_name in (old.email, new.email);
  elsif tg_op = 'DELETE' then
    perform revoquer_sessions_agent(old.agent_id);
  else
    perform revoquer_sessions_agent(new.agent_id);
    if tg_op = 'UPDATE' and old.agent_id <> new.agent_id then
      perform revoquer_sessions_agent(old.agent_id);
    end if;
  end if;
  return null;
end;
$$;

create trigger agent_droits_modifies after update on agent for each row
  when (old.actif is distinct from new.actif or old.administrateur_national is distinct from new.administrateur_national
        or old.email is distinct from new.email or old.nom is distinct from new.nom)
  execute function revoquer_sessions_agent_modifie();

create trigger agent_supprime after delete on agent for each row
  execute function revoquer_sessions_agent_modifie();

create trigger agent_service_ajoute_ou_retire after insert or delete on agent_service for each row
  execute function revoquer_sessions_agent_modifie();

create trigger agent_service_modifie after update on agent_service for each row
  when (old.* is distinct from new.*)
  execute function revoquer_sessions_agent_modifie();
