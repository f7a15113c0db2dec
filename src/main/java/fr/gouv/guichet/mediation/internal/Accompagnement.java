package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * The assisted session a browser session belongs to (HTTP session attribute {@link #CLE}); {@code usager} is the
 * principal name of the usager who consented (null before the consent).
 */
public record Accompagnement(UUID id, @Nullable String usager) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String CLE = "mediation.accompagnement";
}
