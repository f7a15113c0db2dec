package fr.gouv.guichet.permis;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dated row of the timbre amounts: from {@code du} (included) to {@code au} (included, open when null), the
 * procedure costs {@code montant} euros (0 = free).
 *
 * @param source where the amount comes from (shown to nobody, kept for whoever updates the table)
 */
public record TarifTimbre(DemarchePermis demarche, BigDecimal montant, LocalDate du, @Nullable LocalDate au, String source) {

    public TarifTimbre {
        if (montant.signum() < 0 || montant.scale() > 2) {
            throw new IllegalArgumentException("Montant de timbre invalide pour " + demarche + " : " + montant);
        }
        if (au != null && au.isBefore(du)) {
            throw new IllegalArgumentException("Période de tarif inversée pour " + demarche + " : " + du + " → " + au);
        }
    }

    public boolean couvre(LocalDate date) {
        return !date.isBefore(du) && (au == null || !date.isAfter(au));
    }

    boolean chevauche(TarifTimbre autre) {
        LocalDate finCelui = au == null ? LocalDate.MAX : au;
        LocalDate finAutre = autre.au == null ? LocalDate.MAX : autre.au;
        return !du.isAfter(finAutre) && !autre.du.isAfter(finCelui);
    }
}
