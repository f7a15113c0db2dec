package fr.gouv.guichet.referentiel;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which row of the competence table applies: among the rows of the family and département that cover the date, the
 * one that took effect last (a reorganisation is a new row with a later start); on the same start date, the row
 * entered last (a correction). No row is ever overwritten, so the rule also answers for any past date.
 */
public final class RegleCompetence {

    private static final Comparator<Competence> EN_VIGUEUR =
            Comparator.comparing(Competence::valideDu).thenComparingLong(Competence::id);

    private RegleCompetence() {
    }

    public static Optional<Competence> applicable(List<Competence> lignes, String famille, String codeDepartement, LocalDate date) {
        return lignes.stream()
                .filter(c -> c.famille().equals(famille) && c.codeDepartement().equals(codeDepartement) && c.couvre(date))
                .max(EN_VIGUEUR);
    }
}
