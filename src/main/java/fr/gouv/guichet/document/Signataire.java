package fr.gouv.guichet.document;

import java.util.Map;

import static fr.gouv.guichet.document.Champs.exiger;

/**
 * Who signs for the préfet, by delegation.
 *
 * @param qualite e.g. "Le secrétaire général de la préfecture"
 * @param nom     e.g. "Jean Martin"
 */
public record Signataire(String qualite, String nom) {

    public Signataire {
        exiger(qualite, "qualite");
        exiger(nom, "nom");
    }

    /** "au secrétaire général de la préfecture", "à la directrice de cabinet": the quality after "confiée". */
    public static String aLaQualite(String qualite) {
        if (qualite.startsWith("Le ")) {
            return "au " + qualite.substring(3);
        }
        if (qualite.startsWith("Les ")) {
            return "aux " + qualite.substring(4);
        }
        return "à " + Character.toLowerCase(qualite.charAt(0)) + qualite.substring(1);
    }

    public Map<String, Object> variables() {
        return Map.of("qualite", qualite, "nom", nom, "execution", aLaQualite(qualite));
    }
}
