package fr.gouv.guichet.referentiel;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated row of the competence table: from {@code valideDu} (and until {@code valideAu}, excluded, if set), the
 * dossiers of {@code famille} filed for {@code codeDepartement} are instructed by {@code service}.
 */
public record Competence(long id, String famille, String codeDepartement, String service, LocalDate valideDu,
                         @Nullable LocalDate valideAu, String source, Instant creeLe) {

    public boolean couvre(LocalDate date) {
        return !date.isBefore(valideDu) && (valideAu == null || date.isBefore(valideAu));
    }
}
