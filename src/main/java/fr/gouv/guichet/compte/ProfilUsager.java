package fr.gouv.guichet.compte;

import org.jspecify.annotations.Nullable;

/**
 * What other features may know of the signed-in usager. {@code email} is null for an account created through
 * FranceConnect without an e-mail address (issue 16, point 4): send its notifications through {@link EnvoisUsager}.
 */
public record ProfilUsager(long id, @Nullable String email, @Nullable String codeDepartement) {

    public boolean aUneAdresse() {
        return email != null;
    }
}
