package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Map;

/**
 * The demonstration register: the fictitious establishments of {@value #EMPLACEMENT} ({@code siret;denomination;actif}).
 * Any other SIRET is unknown, as an unregistered company would be.
 */
class RepertoireEntreprisesDemonstration implements RepertoireEntreprises {

    static final String EMPLACEMENT = "tiers/etablissements-demo.csv";

    private final Map<String, Etablissement> etablissements = new HashMap<>();

    RepertoireEntreprisesDemonstration() {
        for (DonneesCsv.Ligne l : DonneesCsv.lire(EMPLACEMENT)) {
            etablissements.put(l.colonne(0), new Etablissement(l.colonne(0), l.colonne(1), Boolean.parseBoolean(l.colonne(2))));
        }
    }

    @Override
    public @Nullable Etablissement etablissement(String siret) {
        return etablissements.get(siret);
    }
}
