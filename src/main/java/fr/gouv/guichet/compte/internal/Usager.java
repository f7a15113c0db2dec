package fr.gouv.guichet.compte.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

public record Usager(long id, @Nullable String email, @Nullable String motDePasse, boolean active, Instant creeLe,
                     @Nullable String codeDepartement) {
}
