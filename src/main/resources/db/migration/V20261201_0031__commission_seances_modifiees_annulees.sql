-- Issue 11 : une séance peut être créée après coup (pour enregistrer l'avis d'une réunion tenue), modifiée et annulée
-- avec un motif ; chaque création, modification et annulation est enregistrée.
alter table seance_commission
  add column annulee_le       timestamptz,
  add column motif_annulation text,
  add constraint seance_commission_annulation_motivee
    check ((annulee_le is null) = (motif_annulation is null));

create table seance_commission_evenement (
  id        bigserial primary key,
  seance_id bigint not null references seance_commission (id) on delete cascade,
  nature    text not null check (nature in ('CREATION', 'MODIFICATION', 'ANNULATION')),
  detail    text not null,
  motif     text,
  agent_id  bigint references agent (id) on delete set null,
  moment    timestamptz not null
);
create index seance_commission_evenement_seance_idx on seance_commission_evenement (seance_id, moment);

insert into seance_commission_evenement (seance_id, nature, detail, agent_id, moment)
select id, 'CREATION', 'Séance créée', creee_par, creee_le from seance_commission;
