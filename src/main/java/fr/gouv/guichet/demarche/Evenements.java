package fr.gouv.guichet.demarche;

/** Events published by the dossier lifecycle (persisted in the outbox for their listeners). */
public final class Evenements {

    private Evenements() {
    }

    /** A dossier was deposited: it has its number and its récépissé is due. */
    public record DossierDepose(long dossierId, String numero, String demarche) {
    }

    /** @param transitionId the recorded transition's row: two requests for documents on one dossier are two events */
    public record DossierTransitionne(long dossierId, Transition transition, EtatDossier de, EtatDossier vers, long transitionId) {
    }

    public record MessageUsager(long dossierId, long messageId) {
    }

    /** A document issued by the préfecture (arrêté, decision letter) was attached, once rendered. */
    public record DocumentOfficielJoint(long dossierId, long pieceId, String code) {
    }

    public record PieceAjoutee(long dossierId, long pieceId) {
    }

    /** The préfecture wrote to the usager. */
    public record MessagePrefecture(long dossierId, long messageId) {
    }
}
