package fr.gouv.guichet.piece.internal;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;

/** A virus scanner: {@link ClamdInstream} in production, {@link AntivirusDemonstration} in the embedded default. */
public interface Antivirus {

    /** Short name stored with each verdict (e.g. {@code clamd 127.0.0.1:3310}). */
    String nom();

    /**
     * Scans the whole stream.
     *
     * @throws IOException when the scanner cannot be reached or gives no verdict: the file stays unscanned
     */
    Verdict analyser(InputStream contenu) throws IOException;

    /** Whether the scanner answers now. */
    boolean repond();

    /** @param signature name of the detected signature, {@code null} when the content is clean */
    public record Verdict(@Nullable String signature) {
        public boolean infecte() {
            return signature != null;
        }
    }
}
