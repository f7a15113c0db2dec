package fr.gouv.guichet.permis.externe;

import java.util.regex.Pattern;

/**
 * The dossier on whose behalf an external system is called (reservation of a timbre, use of an ePhoto code, title
 * order): an opaque reference, 1 to 64 letters, digits, dots, dashes or underscores.
 */
public record ReferenceDossier(String valeur) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ReferenceDossier {
        if (!FORMAT.matcher(valeur).matches()) {
            throw new IllegalArgumentException("Référence de dossier invalide : « " + valeur + " »");
        }
    }

    @Override
    public String toString() {
        return valeur;
    }
}
