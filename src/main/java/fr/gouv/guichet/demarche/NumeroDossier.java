package fr.gouv.guichet.demarche;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A national dossier number, readable and checked: {@code VP-083-2026-000123-K} = procedure, département
 * (3 characters), year, sequence within the département and year, check letter (weighted sum modulo 23, which
 * catches any single wrong character and any swap of two neighbours).
 */
public record NumeroDossier(String valeur) {

    private static final Pattern FORME = Pattern.compile("([A-Z]{2})-([0-9AB]{3})-(\\d{4})-(\\d{6})-([A-Z])");
    private static final String LETTRES = "ABCDEFGHJKLMNPQRSTUVWXZ";

    public NumeroDossier {
        if (!estValide(valeur)) {
            throw new IllegalArgumentException("Numéro de dossier invalide : " + valeur);
        }
    }

    public static NumeroDossier de(String prefixe, String codeDepartement, int annee, int sequence) {
        String departement = codeDepartement.length() == 2 ? "0" + codeDepartement : codeDepartement;
        String corps = "%s-%s-%04d-%06d".formatted(prefixe, departement, annee, sequence);
        return new NumeroDossier(corps + "-" + cle(corps));
    }

    public static boolean estValide(String valeur) {
        if (valeur == null) {
            return false;
        }
        Matcher m = FORME.matcher(valeur.strip().toUpperCase());
        if (!m.matches()) {
            return false;
        }
        String corps = valeur.strip().toUpperCase().substring(0, valeur.strip().length() - 2);
        return cle(corps) == m.group(5).charAt(0);
    }

    static char cle(String corps) {
        int somme = 0;
        int poids = 1;
        for (char c : corps.toCharArray()) {
            if (c == '-') {
                continue;
            }
            somme += poids * Character.digit(c, 36);
            poids++;
        }
        return LETTRES.charAt(somme % 23);
    }

    /** The département code as in the reference data ("083" → "83", "02A" → "2A", "971" stays). */
    public String codeDepartement() {
        String d = valeur.substring(3, 6);
        return d.startsWith("0") ? d.substring(1) : d;
    }

    @Override
    public String toString() {
        return valeur;
    }
}
