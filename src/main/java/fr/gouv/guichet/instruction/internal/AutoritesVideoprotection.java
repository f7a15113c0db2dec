package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.document.Autorite;
import fr.gouv.guichet.document.DonneesVersionnees;
import fr.gouv.guichet.document.TribunalAdministratif;
import fr.gouv.guichet.referentiel.Departement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who decides on a videoprotection system of a département, as the acts name it: the préfet of the département,
 * except where {@value #RESSOURCE} says otherwise (Paris and the Paris airports: the préfet de police; the
 * Bouches-du-Rhône: the préfet de police des Bouches-du-Rhône).
 */
final class AutoritesVideoprotection {

    static final String RESSOURCE = "actes/autorites-videoprotection.csv";
    static final String SERVICE = "Bureau de la vidéoprotection";

    private record Exception(String prefecture, String prefet, String ville) {
    }

    private static final Map<String, Exception> EXCEPTIONS = charger();

    private AutoritesVideoprotection() {
    }

    static Autorite pour(Departement dep, TribunalAdministratif tribunal) {
        Exception e = EXCEPTIONS.get(dep.code());
        if (e != null) {
            return new Autorite(e.prefecture(), SERVICE, e.prefet(), e.ville(), tribunal);
        }
        String suite = dep.libellePrefecture().substring("Préfecture".length());
        return new Autorite(dep.libellePrefecture(), SERVICE, "Le préfet" + suite, dep.chefLieu(), tribunal);
    }

    private static Map<String, Exception> charger() {
        Map<String, Exception> exceptions = new LinkedHashMap<>();
        for (List<String> c : DonneesVersionnees.lire(RESSOURCE, 6)) {
            if (c.get(4).isEmpty() || c.get(5).isEmpty()) {
                throw new IllegalStateException(RESSOURCE + " : source et date de vérification obligatoires pour " + c.getFirst());
            }
            exceptions.put(c.get(0), new Exception(c.get(1), c.get(2), c.get(3)));
        }
        return Map.copyOf(exceptions);
    }
}
