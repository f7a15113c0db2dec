package fr.gouv.guichet.timbre;

import java.math.BigDecimal;
import java.time.Instant;

/** A timbre held by a dossier in Guichet: reserved, or consumed (a released use is history, not returned). */
public record UtilisationTimbre(NumeroTimbre numero, String dossier, String motif, BigDecimal montant, Statut statut,
                                Instant reserveLe) {

    public enum Statut {
        RESERVE, CONSOMME
    }
}
