-- Issue 12 A.1 (ADR 0008) : l'onglet de file d'un dossier vient de la déclaration du cycle de vie de sa démarche,
-- non plus d'une expression qui nommait les états de la vidéoprotection.
-- La colonne `onglet` devient ordinaire (valeurs et index `dossier_file_idx`, `dossier_nouveaux_elements_idx` conservés) ;
-- `cycle_etat` reçoit au démarrage, de chaque démarche déclarée, l'onglet de chacun de ses états ; un déclencheur
-- écrit l'onglet à chaque insertion ou changement d'état, quel que soit l'auteur de la requête, et refuse un état
-- que le cycle de la démarche ne déclare pas.
alter table dossier alter column onglet drop expression;

create table cycle_etat (
  demarche text not null,
  etat     text not null,
  onglet   text not null,
  primary key (demarche, etat)
);

create function dossier_onglet_du_cycle() returns trigger language plpgsql as $$
begin
  select c.onglet into new.onglet from cycle_etat c where c.demarche = new.demarche and c.etat = new.etat;
  if not found then
    raise exception 'État « % » inconnu du cycle de vie de la démarche « % »', new.etat, new.demarche
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger dossier_onglet before insert or update of etat, demarche on dossier
  for each row execute function dossier_onglet_du_cycle();

alter table dossier alter column onglet set not null;
