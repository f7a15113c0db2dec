package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;

/**
 * The national address reference (Base Adresse Nationale, API of the IGN Géoplateforme): whether the address a client
 * gives is a known address (a house number on a known street of the commune). A demonstration reference runs by
 * default ({@link ReferentielAdressesDemonstration}); {@code guichet.tiers.adresses.url} selects the HTTP client
 * ({@link ClientHttpReferentielAdresses}).
 */
public interface ReferentielAdresses {

    /** @throws ReferentielIndisponible when the reference does not answer (the deposit goes on; the address stays unchecked) */
    boolean connue(String ligne, String codePostal, String commune);

    class ReferentielIndisponible extends RuntimeException {
        public ReferentielIndisponible(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
