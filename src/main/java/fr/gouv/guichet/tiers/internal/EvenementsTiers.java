package fr.gouv.guichet.tiers.internal;

/** Events of the trusted third parties, persisted in the outbox for the e-mails. */
final class EvenementsTiers {

    private EvenementsTiers() {
    }

    /** A collaborator is invited to act for the company; {@code lien} carries the single-use token. */
    record CollaborateurInvite(long invitationId, String email, String entreprise, String lien) {
    }

    /** A company filed for a client: the client is told, with the link to see the dossier and to object. */
    record DepotPourClient(long depotId, String email, String entreprise, String numero, String demarche, String lien) {
    }

    /** A client objected to a deposit made in their name: the service instructing the dossier is told. */
    record OppositionClient(long depotId, long dossierId, String codeService, String numero, String entreprise, String motif) {
    }

    /** A company was suspended automatically by a fraud rule: its préfecture is told. */
    record SuspensionAutomatique(long entrepriseId, String raisonSociale, String codeService, String explication) {
    }
}
