package fr.gouv.guichet.piece;

import java.util.Objects;

/**
 * A refused file.
 *
 * @param motif   why, for logs and tests
 * @param message French sentence to show next to the upload field
 */
public record FichierRefuse(MotifRefus motif, String message) implements ResultatInspection {

    public FichierRefuse {
        Objects.requireNonNull(motif, "motif");
        Objects.requireNonNull(message, "message");
    }

    /** Why a file was refused. */
    public enum MotifRefus {
        /** Zero bytes. */
        VIDE,
        /** Larger than the configured maximum. */
        TROP_VOLUMINEUX,
        /** Neither a PDF, nor a JPEG, nor a PNG (including HTML, scripts, ZIP archives). */
        FORMAT_NON_ACCEPTE,
        /** Starts like an accepted type but is truncated or has data after its end marker. */
        ENDOMMAGE,
        /** Valid image that also carries another format (polyglot). */
        CONTENU_SUSPECT,
        /** PDF carrying JavaScript, an embedded file, an external action, or a compression bomb. */
        CONTENU_ACTIF,
        /** The content could not be read. */
        ILLISIBLE
    }
}
