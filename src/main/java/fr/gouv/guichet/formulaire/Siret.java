package fr.gouv.guichet.formulaire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SIRET number: 14 digits whose control key is right. The key follows the Luhn algorithm, except for the
 * establishments of La Poste (SIREN 356000000), whose digits must add up to a multiple of 5.
 */
public record Siret(String valeur) {

    private static final Pattern QUATORZE_CHIFFRES = Pattern.compile("\\d{14}");
    private static final String SIREN_LA_POSTE = "356000000";

    public Siret {
        if (!estValide(valeur)) {
            throw new IllegalArgumentException("Numéro SIRET invalide : " + valeur);
        }
    }

    /** Reads a SIRET typed by a person: spaces, dots and non-breaking spaces between digits are removed. */
    public static Optional<Siret> depuisSaisie(String saisie) {
        String chiffres = normaliser(saisie);
        return estValide(chiffres) ? Optional.of(new Siret(chiffres)) : Optional.empty();
    }

    /** Removes the separators a person may type (spaces, dots, non-breaking spaces). */
    public static String normaliser(String saisie) {
        return saisie.replaceAll("[\\s.\\u00A0\\u202F]", "");
    }

    /** 14 digits, whatever the key. */
    public static boolean aLeBonFormat(String valeur) {
        return valeur != null && QUATORZE_CHIFFRES.matcher(valeur).matches();
    }

    /** 14 digits and a right control key. */
    public static boolean estValide(String valeur) {
        if (!aLeBonFormat(valeur)) {
            return false;
        }
        if (valeur.startsWith(SIREN_LA_POSTE) && sommeDesChiffres(valeur) % 5 == 0) {
            return true;
        }
        return cleDeLuhnCorrecte(valeur);
    }

    /** The SIREN (first 9 digits): the legal unit. */
    public String siren() {
        return valeur.substring(0, 9);
    }

    private static boolean cleDeLuhnCorrecte(String chiffres) {
        int somme = 0;
        int longueur = chiffres.length();
        for (int i = 0; i < longueur; i++) {
            int chiffre = chiffres.charAt(longueur - 1 - i) - '0';
            if (i % 2 == 1) {
                chiffre *= 2;
                if (chiffre > 9) {
                    chiffre -= 9;
                }
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }

    private static int sommeDesChiffres(String chiffres) {
        return chiffres.chars().map(c -> c - '0').sum();
    }
}
