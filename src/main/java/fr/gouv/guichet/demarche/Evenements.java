package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

/** Events published by the dossier lifecycle (persisted in the outbox for their listeners). */
public final class Evenements {

    private Evenements() {
    }

    /** A dossier was deposited: it has its number and its récépissé is due. */
    public record DossierDepose(long dossierId, String numero, String demarche) {
    }

    /**
     * A transition was fired; codes of the procedure's lifecycle ({@link Procedures#cycle}), so that a publication
     * stored in the outbox reads back whatever the lifecycle declarations become.
     *
     * @param transitionId the recorded transition's row: two requests for documents on one dossier are two events
     */
    public record DossierTransitionne(long dossierId, String demarche, String transition, TypeActeur acteur, String de, String vers,
                                      long transitionId) {
    }

    /** A draft was deleted by its usager (whatever it held for the procedure, e.g. a reserved payment, is released). */
    public record BrouillonSupprime(long dossierId, String demarche) {
    }

    public record MessageUsager(long dossierId, long messageId) {
    }

    /** A document issued by the préfecture (arrêté, decision letter) was attached, once rendered. */
    public record DocumentOfficielJoint(long dossierId, long pieceId, String code) {
    }

    /**
     * A document was added by the usager to their dossier.
     *
     * @param demarche the dossier's procedure code, so that a listener of one procedure declares in its condition that
     *                 it does not want the others' (nothing stored in the outbox for it, ADR 0032); {@code null} in a
     *                 publication stored before it was carried: such a listener then receives it and checks the dossier
     */
    public record PieceAjoutee(long dossierId, long pieceId, @Nullable String demarche) {
    }

    /** The préfecture wrote to the usager. */
    public record MessagePrefecture(long dossierId, long messageId) {
    }
}
