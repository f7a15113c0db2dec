package fr.gouv.guichet.document;

import java.util.List;
import java.util.Map;

import static fr.gouv.guichet.document.Champs.exiger;
import static fr.gouv.guichet.document.Champs.lignes;

/**
 * The tribunal administratif before which an act may be contested, named with its address in the recourse routes.
 *
 * @param nom     as acts write it: "tribunal administratif de Toulon", "tribunal administratif de la Guadeloupe"
 * @param adresse postal address lines
 */
public record TribunalAdministratif(String nom, List<String> adresse) {

    public TribunalAdministratif {
        exiger(nom, "nom");
        if (!nom.startsWith("tribunal administratif ")) {
            throw new IllegalArgumentException("nom doit commencer par « tribunal administratif » : " + nom);
        }
        adresse = lignes(adresse, "adresse");
    }

    Map<String, Object> variables() {
        return Map.of("nom", nom, "adresse", adresse, "adresseEnLigne", String.join(", ", adresse));
    }
}
