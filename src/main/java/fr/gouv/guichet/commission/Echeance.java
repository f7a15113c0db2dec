package fr.gouv.guichet.commission;

import java.time.LocalDate;

/**
 * The time the commission has to give its opinion: 3 months from its seizure (the dossier's first inscription on
 * an agenda), plus 1 month when it asks for it (CSI R252-15). A postponement to a later session does not restart it.
 *
 * @param saisie    day of the first inscription
 * @param limite    last day for the opinion
 * @param prorogee  the commission asked for the extra month
 * @param avisRendu the opinion has been recorded
 */
public record Echeance(LocalDate saisie, LocalDate limite, boolean prorogee, boolean avisRendu) {

    public static final int MOIS = 3;
    public static final int MOIS_PROROGATION = 1;

    public static Echeance depuis(LocalDate saisie, boolean prorogee, boolean avisRendu) {
        return new Echeance(saisie, saisie.plusMonths(MOIS + (prorogee ? MOIS_PROROGATION : 0)), prorogee, avisRendu);
    }

    public boolean depassee(LocalDate aujourdhui) {
        return !avisRendu && aujourdhui.isAfter(limite);
    }
}
