package fr.gouv.guichet.compte.internal;

import java.time.Duration;

/** Single-use e-mailed links and how long each stays valid. */
public enum TypeJeton {
    ACTIVATION(Duration.ofHours(24)),
    REINITIALISATION(Duration.ofHours(1)),
    CHANGEMENT_EMAIL(Duration.ofHours(24));

    private final Duration validite;

    TypeJeton(Duration validite) {
        this.validite = validite;
    }

    public Duration validite() {
        return validite;
    }
}
