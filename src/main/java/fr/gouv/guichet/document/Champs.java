package fr.gouv.guichet.document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Checks and French formatting shared by the records that feed the PDF templates. */
public final class Champs {

    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    private Champs() {
    }

    /** "1er décembre 2026", "23 novembre 2026". */
    public static String date(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth())) + " "
                + MOIS_ANNEE.format(date);
    }

    public static void exiger(String valeur, String nom) {
        Objects.requireNonNull(valeur, nom);
        if (valeur.isBlank()) {
            throw new IllegalArgumentException(nom + " est vide");
        }
    }

    /** A non-empty, immutable copy without blank element. */
    public static List<String> lignes(List<String> lignes, String nom) {
        List<String> copie = List.copyOf(lignes);
        if (copie.isEmpty() || copie.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(nom + " doit avoir au moins une ligne, sans ligne vide");
        }
        return copie;
    }

    public static void adresseWeb(String url, String nom) {
        exiger(url, nom);
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException(nom + " doit être une adresse web : " + url);
        }
    }

    /**
     * A text typed by a person, cut into paragraphs (separated by a blank line) made of lines: templates render
     * each paragraph as {@code <p>} and each line followed by {@code <br/>}, so line breaks survive escaping.
     */
    public static List<List<String>> paragraphes(String texte) {
        String normalise = texte.replaceAll("\\r\\n?|[\u2028\u2029\u0085]", "\n").strip();
        return Arrays.stream(normalise.split("\n[ \t]*\n\\s*"))
                .map(paragraphe -> Arrays.stream(paragraphe.split("\n")).map(String::strip)
                        .filter(ligne -> !ligne.isEmpty()).toList())
                .filter(lignes -> !lignes.isEmpty())
                .toList();
    }

    /** "1 jour", "15 jours". */
    public static String pluriel(int nombre, String singulier, String pluriel) {
        return nombre + " " + (nombre > 1 ? pluriel : singulier);
    }
}
