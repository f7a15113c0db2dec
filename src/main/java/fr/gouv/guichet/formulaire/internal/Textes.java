package fr.gouv.guichet.formulaire.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small helpers to write French messages. */
public final class Textes {

    private static final DateTimeFormatter DATE_FR = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private Textes() {
    }

    public static String majuscule(String texte) {
        return texte.isEmpty() ? texte : Character.toUpperCase(texte.charAt(0)) + texte.substring(1);
    }

    public static String minuscule(String texte) {
        if (texte.length() > 1 && Character.isUpperCase(texte.charAt(1))) {
            return texte; // an acronym ("SIRET …") keeps its case
        }
        return texte.isEmpty() ? texte : Character.toLowerCase(texte.charAt(0)) + texte.substring(1);
    }

    public static String date(LocalDate date) {
        return date.format(DATE_FR);
    }
}
