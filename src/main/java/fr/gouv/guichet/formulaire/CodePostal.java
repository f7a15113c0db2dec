package fr.gouv.guichet.formulaire;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A French postal code (5 digits) and its link with a département: the first 2 digits, "20" for Corsica (2A and
 * 2B), the first 3 digits for the overseas départements (971 to 976).
 * Known limit: a few communes have a postal code of a neighbouring département (e.g. some communes served by a
 * post office across the border); they are not listed here, so such a code is refused with an explanation.
 */
public record CodePostal(String valeur) {

    private static final Pattern CINQ_CHIFFRES = Pattern.compile("\\d{5}");

    public CodePostal {
        if (!aLeBonFormat(valeur)) {
            throw new IllegalArgumentException("Code postal invalide : " + valeur);
        }
    }

    public static boolean aLeBonFormat(String valeur) {
        return valeur != null && CINQ_CHIFFRES.matcher(valeur).matches();
    }

    /**
     * Whether this postal code belongs to the département {@code codeDepartement} ("83", "2A", "2B", "971"…).
     * An unknown département code never matches.
     */
    public boolean correspondAuDepartement(String codeDepartement) {
        String departement = codeDepartement.trim().toUpperCase(Locale.ROOT);
        if (departement.equals("2A") || departement.equals("2B") || departement.equals("20")) {
            return valeur.startsWith("20");
        }
        if (departement.matches("97[1-6]")) {
            return valeur.startsWith(departement);
        }
        if (departement.matches("\\d{2}")) {
            return valeur.startsWith(departement) && !departement.equals("97");
        }
        return false;
    }
}
