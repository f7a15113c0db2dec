package fr.gouv.guichet.piece;

import java.util.Objects;

/**
 * A file whose content is a PDF, a JPEG or a PNG.
 *
 * @param typeContenu type recognised from the bytes
 * @param nomNettoye  safe display/download name, its extension matching {@code typeContenu}
 * @param taille      size in bytes
 * @param sha256      SHA-256 of the content, lowercase hexadecimal
 */
public record FichierAccepte(TypeContenu typeContenu, String nomNettoye, long taille, String sha256)
        implements ResultatInspection {

    public FichierAccepte {
        Objects.requireNonNull(typeContenu, "typeContenu");
        Objects.requireNonNull(nomNettoye, "nomNettoye");
        Objects.requireNonNull(sha256, "sha256");
        if (taille <= 0) {
            throw new IllegalArgumentException("taille doit être positive : " + taille);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 invalide : " + sha256);
        }
    }
}
