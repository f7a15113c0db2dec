package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;

/**
 * The national register of companies (SIRENE, through the « Recherche d’entreprises » API): a valid SIRET number
 * (checked by the form engine) is not an existing establishment. A demonstration register runs by default
 * ({@link RepertoireEntreprisesDemonstration}); {@code guichet.tiers.repertoire.url} selects the HTTP client.
 */
public interface RepertoireEntreprises {

    /**
     * @return the establishment, or null when the register does not know this SIRET
     * @throws RepertoireIndisponible when the register does not answer (nothing is decided then)
     */
    @Nullable Etablissement etablissement(String siret);

    /** An establishment as the register knows it; {@code actif} false when it is closed. */
    record Etablissement(String siret, String denomination, boolean actif) {
    }

    class RepertoireIndisponible extends RuntimeException {
        public RepertoireIndisponible(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
