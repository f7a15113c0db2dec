package fr.gouv.guichet.permis;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The only place that knows how long an ePhoto code is. The code printed by an agreed booth or photographer is
 * made of letters and digits; the sources say 22 characters, one says 21 ({@code titres-verification-2026-11.md}
 * [S]): the accepted lengths are a setting ({@code guichet.permis.ephoto.longueurs}, 22 by default, {@code 21,22}
 * to accept both).
 *
 * @param longueurs accepted lengths, each between 1 and {@value #LONGUEUR_MAX}
 */
public record FormatEphoto(SortedSet<Integer> longueurs) {

    /** No code is longer (bound of every input). */
    public static final int LONGUEUR_MAX = 40;

    /** 22 letters or digits. */
    public static final FormatEphoto PAR_DEFAUT = new FormatEphoto(Set.of(22));

    private static final Pattern ALPHANUMERIQUE = Pattern.compile("[A-Z0-9]+");

    public FormatEphoto(Set<Integer> longueurs) {
        this(new TreeSet<>(longueurs));
    }

    public FormatEphoto {
        if (longueurs.isEmpty() || longueurs.first() < 1 || longueurs.last() > LONGUEUR_MAX) {
            throw new IllegalArgumentException("Longueurs de code ePhoto invalides : " + longueurs + " (entre 1 et "
                    + LONGUEUR_MAX + ")");
        }
        longueurs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(longueurs));
    }

    /** From a setting such as {@code 22} or {@code 21,22}. */
    public static FormatEphoto depuisReglage(String reglage) {
        try {
            return new FormatEphoto(java.util.Arrays.stream(reglage.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Réglage de longueur de code ePhoto illisible : « " + reglage + " »", e);
        }
    }

    /** Removes what a person may type between the characters (spaces, dashes) and upper-cases the letters. */
    public static String normaliser(String saisie) {
        return saisie.replaceAll("[\\s\\u00A0\\u202F-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The code, or empty when the typed text is not one ({@link #probleme} says why). */
    public Optional<CodeEphoto> lire(String saisie) {
        return probleme(saisie) == null ? Optional.of(new CodeEphoto(normaliser(saisie), this)) : Optional.empty();
    }

    /** Why the typed text is not an ePhoto code, in French (to show next to the field), or null when it is one. */
    public @org.jspecify.annotations.Nullable String probleme(String saisie) {
        String code = normaliser(saisie);
        if (code.isEmpty()) {
            return "Saisissez le code ePhoto imprimé sur la planche de photos.";
        }
        if (code.length() > LONGUEUR_MAX || !ALPHANUMERIQUE.matcher(code).matches()) {
            return "Le code ePhoto ne contient que des lettres et des chiffres.";
        }
        if (!longueurs.contains(code.length())) {
            return "Le code ePhoto compte " + libelleLongueurs() + " caractères ; vous en avez saisi " + code.length() + ".";
        }
        return null;
    }

    private String libelleLongueurs() {
        return longueurs.stream().map(String::valueOf).collect(Collectors.joining(" ou "));
    }
}
