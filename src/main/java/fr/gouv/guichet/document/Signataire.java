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

    Map<String, Object> variables() {
        return Map.of("qualite", qualite, "nom", nom);
    }
}
