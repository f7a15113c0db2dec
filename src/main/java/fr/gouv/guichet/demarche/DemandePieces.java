package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request for missing documents (CRPA L114-5): what is asked, and the deadline to provide it.
 *
 * @param recuesLe when the usager said the documents were sent; null while awaited
 */
public record DemandePieces(long id, long dossierId, Instant demandeeLe, LocalDate echeance, String pieces, @Nullable Instant recuesLe) {

    /** The agent may not choose a deadline further than this (a typing error, most likely). */
    public static final int MOIS_MAX = 6;
    /** The deadline when the agent chooses none. */
    public static final int MOIS_PAR_DEFAUT = 1;
}
