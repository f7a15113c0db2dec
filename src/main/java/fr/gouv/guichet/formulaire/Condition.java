package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.Nullable;

/**
 * Display condition of a field: the field is shown (validated and kept) only when another field {@code champ}
 * satisfies exactly one of {@code egal}, {@code different}, {@code contient} (a ticked value of a
 * {@link TypeChamp#CHOIX_MULTIPLE}) or {@code superieurA} (an integer strictly greater than).
 * {@code texte} is the hint shown when JavaScript is off ("À remplir seulement si …"); when absent from the JSON
 * the catalogue writes it from the labels of the definition.
 */
public record Condition(
        String champ,
        @Nullable String egal,
        @Nullable String different,
        @Nullable String contient,
        @Nullable Long superieurA,
        @Nullable String texte) {

    /** {@code egal}, {@code different}, {@code contient} or {@code superieurA}: used as {@code data-condition-mode}. */
    public String mode() {
        if (egal != null) {
            return "egal";
        }
        if (different != null) {
            return "different";
        }
        if (contient != null) {
            return "contient";
        }
        return "superieurA";
    }

    /** The compared value, as a string (used as {@code data-condition-valeur}). */
    public String valeur() {
        if (egal != null) {
            return egal;
        }
        if (different != null) {
            return different;
        }
        if (contient != null) {
            return contient;
        }
        return superieurA == null ? "" : Long.toString(superieurA);
    }

    /** Number of comparison members set; a valid condition has exactly one. */
    public int nombreDeCriteres() {
        int n = 0;
        for (Object critere : new Object[] {egal, different, contient, superieurA}) {
            if (critere != null) {
                n++;
            }
        }
        return n;
    }

    /** Whether the condition holds for these answers (the visibility of {@code champ} itself is not checked here). */
    public boolean estSatisfaite(Reponses reponses) {
        if (egal != null) {
            return egal.equals(reponses.texte(champ));
        }
        if (different != null) {
            return !different.equals(reponses.texte(champ));
        }
        if (contient != null) {
            return reponses.liste(champ).contains(contient);
        }
        if (superieurA != null) {
            try {
                return Long.parseLong(reponses.texte(champ).trim()) > superieurA;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    public Condition avecTexte(String nouveauTexte) {
        return new Condition(champ, egal, different, contient, superieurA, nouveauTexte);
    }
}
