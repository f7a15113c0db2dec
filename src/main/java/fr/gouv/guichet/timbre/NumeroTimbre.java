package fr.gouv.guichet.timbre;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number of an electronic timbre fiscal as received by SMS or e-mail: 16 digits ({@code titres-verification}
 * [V]). The timbre is not nominative: the timbre service says whether it is valid, and Guichet reserves then
 * consumes it for one dossier only.
 */
public record NumeroTimbre(String valeur) {

    public static final int LONGUEUR = 16;
    private static final Pattern SEIZE_CHIFFRES = Pattern.compile("\\d{" + LONGUEUR + "}");

    public NumeroTimbre {
        if (!SEIZE_CHIFFRES.matcher(valeur).matches()) {
            throw new IllegalArgumentException("Numéro de timbre fiscal invalide : « " + valeur + " » (16 chiffres)");
        }
    }

    /** Reads a number typed by a person (spaces and dashes removed); empty when it is not 16 digits. */
    public static Optional<NumeroTimbre> depuisSaisie(String saisie) {
        String chiffres = normaliser(saisie);
        return SEIZE_CHIFFRES.matcher(chiffres).matches() ? Optional.of(new NumeroTimbre(chiffres)) : Optional.empty();
    }

    public static String normaliser(String saisie) {
        return saisie.replaceAll("[\\s\\u00A0\\u202F-]", "");
    }

    /** Grouped by four, as printed: {@code 1234 5678 9012 3456}. */
    public String pourAffichage() {
        return valeur.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    @Override
    public String toString() {
        return valeur;
    }
}
