package fr.gouv.guichet.identite;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The pré-demande number, the one place its format lives: 10 upper-case alphanumeric characters
 * ({@code ^[A-Z0-9]{10}$}, as the ANTS hub checks it — shared/domain/titres-verification-2026-11.md §3). Guichet makes
 * the first nine at random without the letters I and O (read as 1 and 0 at the counter) and the tenth as a check
 * character (weighted sum modulo 34, drawn from the same letters), so that most numbers mistyped at the town hall are caught before any search.
 */
public record NumeroPreDemande(String valeur) {

    public static final int LONGUEUR = 10;
    private static final Pattern FORME = Pattern.compile("[A-Z0-9]{10}");
    private static final String CHIFFRES_ET_LETTRES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String TIRAGE = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public NumeroPreDemande {
        if (!estValide(valeur)) {
            throw new IllegalArgumentException("Numéro de pré-demande invalide : " + valeur);
        }
    }

    public static NumeroPreDemande tirer(RandomGenerator hasard) {
        StringBuilder corps = new StringBuilder(LONGUEUR);
        for (int i = 0; i < LONGUEUR - 1; i++) {
            corps.append(TIRAGE.charAt(hasard.nextInt(TIRAGE.length())));
        }
        return new NumeroPreDemande(corps.toString() + cle(corps));
    }

    /** What was typed at the counter or in a form, spaces and dashes removed, upper-cased. */
    public static String normaliser(String saisie) {
        return saisie.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
    }

    public static boolean estValide(String valeur) {
        return valeur != null && FORME.matcher(valeur).matches() && cle(valeur.substring(0, LONGUEUR - 1)) == valeur.charAt(LONGUEUR - 1);
    }

    static char cle(CharSequence corps) {
        int somme = 0;
        for (int i = 0; i < corps.length(); i++) {
            somme += (i + 2) * CHIFFRES_ET_LETTRES.indexOf(corps.charAt(i));
        }
        return TIRAGE.charAt(somme % TIRAGE.length());
    }

    @Override
    public String toString() {
        return valeur;
    }
}
