package fr.gouv.guichet.piece;

import java.io.InputStream;

/**
 * Durable storage of uploaded files, addressed by an opaque key.
 *
 * <p>A key is {@code <sha256 of the content>_<32 random hex digits>}: it lets a caller check integrity, while two
 * uploads of the same content get two keys, so deleting one never deletes the other. Keys are validated by every
 * method: a malformed key throws {@link IllegalArgumentException} and never reaches the file system.
 *
 * <p>I/O failures are thrown as {@link java.io.UncheckedIOException}.
 */
public interface StockageFichiers {

    /** Pattern every key matches. */
    String FORMAT_CLE = "[0-9a-f]{64}_[0-9a-f]{32}";

    /**
     * Stores the whole stream durably (nothing is visible under the returned key before it is complete and synced).
     *
     * @throws TailleMaximaleDepasseeException when the stream holds more than {@code tailleMax} bytes (nothing is kept)
     */
    String enregistrer(InputStream contenu, long tailleMax);

    /**
     * Opens a stored file; the caller closes the stream.
     *
     * @throws java.io.UncheckedIOException wrapping {@link java.nio.file.NoSuchFileException} when the key is unknown
     */
    InputStream ouvrir(String cle);

    boolean existe(String cle);

    /** Deletes a stored file; does nothing when the key is unknown. */
    void supprimer(String cle);

    /** The SHA-256 (lowercase hexadecimal) of the content stored under {@code cle}, read from the key itself. */
    static String sha256(String cle) {
        if (!estCleValide(cle)) {
            throw new IllegalArgumentException("Clé de stockage invalide");
        }
        return cle.substring(0, 64);
    }

    static boolean estCleValide(String cle) {
        return cle.matches(FORMAT_CLE);
    }
}
