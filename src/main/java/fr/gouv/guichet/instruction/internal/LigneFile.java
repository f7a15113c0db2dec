package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.demarche.Etat;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** A row of the queue; {@code nouveauxElements}: the usager sent something no agent has opened yet. */
public record LigneFile(long id, String numero, String demarche, Etat etat, boolean prioritaire, Instant deposeLe,
                        String demandeur, String commune, long joursEcoules, boolean enRetard, @Nullable LocalDate rejetImplicite,
                        boolean rejetImminent, boolean nouveauxElements) {
}
