package fr.gouv.guichet.commission;

import fr.gouv.guichet.document.TextesJuridiques;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the final authorization may cite about the commission, taken from what is recorded: the opinion given (its
 * session, date and sense), or the fact that the commission let its delay run out without one (CSI R252-15).
 *
 * @param visa        the visa line, without its final semicolon
 * @param seanceLe    day of the session that gave the opinion; null when the delay ran out
 * @param reserves    the reserves of a favourable opinion with reserves, else empty
 */
public record AvisVise(String visa, @Nullable LocalDate seanceLe, String reserves) {

    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    static AvisVise de(AvisCommission avis) {
        String reserves = avis.avis() == Avis.FAVORABLE_AVEC_RESERVES && avis.texte() != null ? avis.texte() : "";
        return new AvisVise("Vu l’avis " + avis.avis().libelle().toLowerCase(Locale.FRANCE) + " émis par la commission "
                + "départementale de vidéoprotection lors de sa séance du " + date(avis.dateSeance()), avis.dateSeance(), reserves);
    }

    static AvisVise delaiExpire(Echeance echeance) {
        return new AvisVise("Considérant que la commission départementale de vidéoprotection, saisie le " + date(echeance.saisie())
                + ", n’a pas rendu d’avis dans le délai de " + (echeance.prorogee() ? "quatre mois (délai prorogé à sa demande)" : "trois mois")
                + " prévu à l’" + TextesJuridiques.texte("csi.delai-commission") + ", expiré le " + date(echeance.limite()), null, "");
    }

    /** "1er août 2026", "15 août 2026", as acts write dates. */
    static String date(LocalDate jour) {
        return (jour.getDayOfMonth() == 1 ? "1er" : Integer.toString(jour.getDayOfMonth())) + " " + MOIS_ANNEE.format(jour);
    }
}
