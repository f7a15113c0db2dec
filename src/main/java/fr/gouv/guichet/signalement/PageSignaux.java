package fr.gouv.guichet.signalement;

import java.util.List;

/**
 * One page of a service's signals.
 *
 * @param regles the codes of the rules that raised signals in this service (for the filter), sorted
 */
public record PageSignaux(List<Signal> signaux, int page, int pages, long total, List<String> regles) {

    public PageSignaux {
        signaux = List.copyOf(signaux);
        regles = List.copyOf(regles);
    }
}
