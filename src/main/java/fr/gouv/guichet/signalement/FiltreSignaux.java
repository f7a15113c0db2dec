package fr.gouv.guichet.signalement;

import org.jspecify.annotations.Nullable;

/**
 * Which signals of a service to list: all, or one rule's; newest first, {@value #PAR_PAGE} a page.
 *
 * @param regle a rule's code, or null for every rule
 * @param page  from 1; a page past the end gives the last one
 */
public record FiltreSignaux(@Nullable String regle, int page) {

    public static final int PAR_PAGE = 50;

    public FiltreSignaux {
        page = Math.max(1, page);
        if (regle != null && regle.isBlank()) {
            regle = null;
        }
    }

    public static FiltreSignaux tous() {
        return new FiltreSignaux(null, 1);
    }
}
