package fr.gouv.guichet.timbre;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dated row of the timbre amounts: from {@code du} (included) to {@code au} (included, open when null), the
 * {@code motif} (a code chosen by the procedure that asks for the timbre) costs {@code montant} euros (0 = free).
 *
 * @param source where the amount comes from (shown to nobody, kept for whoever updates the table)
 */
public record TarifTimbre(String motif, BigDecimal montant, LocalDate du, @Nullable LocalDate au, String source) {

    public TarifTimbre {
        if (!motif.matches("[A-Z0-9_]{1,64}")) {
            throw new IllegalArgumentException("Motif de timbre invalide : « " + motif + " » (majuscules, chiffres, _)");
        }
        if (montant.signum() < 0 || montant.scale() > 2) {
            throw new IllegalArgumentException("Montant de timbre invalide pour " + motif + " : " + montant);
        }
        if (au != null && au.isBefore(du)) {
            throw new IllegalArgumentException("Période de tarif inversée pour " + motif + " : " + du + " → " + au);
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
