-- Immatriculation (issue 13) : un second paiement réel d'un dossier déjà payé (deux onglets) est remboursé.
-- A_REMBOURSER : encaissé par le prestataire alors que le dossier était déjà payé ; le remboursement est demandé au
-- prestataire (tout de suite, puis par la tâche immatriculation-remboursements tant qu'il ne répond pas).
-- REMBOURSE : remboursé en entier, avec l'identifiant du remboursement chez le prestataire.
alter table paiement drop constraint paiement_statut_check;
alter table paiement add constraint paiement_statut_check
  check (statut in ('EN_ATTENTE', 'PAYE', 'REFUSE', 'ABANDONNE', 'A_REMBOURSER', 'REMBOURSE'));
alter table paiement add column identifiant_remboursement text;
alter table paiement add column rembourse_le timestamptz;
alter table paiement add constraint paiement_rembourse_complet
  check (statut <> 'REMBOURSE' or (identifiant_remboursement is not null and rembourse_le is not null));
create index paiement_a_rembourser_idx on paiement (id) where statut = 'A_REMBOURSER';

-- Commande de la carte refusée faute de service de production : depuis quand (message à l'usager), effacé à la commande.
alter table demande_immatriculation add column production_indisponible_depuis timestamptz;
