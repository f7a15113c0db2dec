package fr.gouv.guichet.referentiel;

import java.util.regex.Pattern;

/** A département code: 01–95 (with 2A and 2B for Corsica, no 20) or 971–976. */
public record CodeDepartement(String valeur) {

    private static final Pattern FORME = Pattern.compile("0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6]");

    public CodeDepartement {
        if (valeur == null || !FORME.matcher(valeur).matches()) {
            throw new IllegalArgumentException("Code de département invalide : " + valeur);
        }
    }

    public static boolean estValide(String valeur) {
        return valeur != null && FORME.matcher(valeur).matches();
    }
}
