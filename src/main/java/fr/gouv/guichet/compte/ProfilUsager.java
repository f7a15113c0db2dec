package fr.gouv.guichet.compte;

import org.jspecify.annotations.Nullable;

/** What other features may know of the signed-in usager. */
public record ProfilUsager(long id, String email, @Nullable String codeDepartement) {
}
