-- Issue 14 : une pré-demande non utilisée passe à l'état « expirée » (transition système), une seule fois.
alter table identite_pre_demande add column expiree_le timestamptz;

create index identite_pre_demande_a_expirer on identite_pre_demande (valide_jusquau)
    where consommee_le is null and expiree_le is null;
