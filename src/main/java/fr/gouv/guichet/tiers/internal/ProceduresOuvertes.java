package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which procedures a company may file for its clients, by habilitated activity: data ({@value #EMPLACEMENT},
 * {@code activite;procedure;source}). Only procedures the platform declares are offered: a line naming a procedure
 * not (yet) declared opens nothing.
 */
@Component
class ProceduresOuvertes {

    static final String EMPLACEMENT = "tiers/procedures-ouvertes.csv";

    private final Procedures procedures;
    private final Map<String, List<String>> parActivite;

    ProceduresOuvertes(Procedures procedures) {
        this.procedures = procedures;
        this.parActivite = DonneesCsv.lire(EMPLACEMENT).stream().collect(Collectors.groupingBy(l -> l.colonne(0),
                java.util.LinkedHashMap::new, Collectors.mapping(l -> l.colonne(1), Collectors.toList())));
    }

    /** The declared procedures the company's activities open, in the file's order. */
    List<Procedure> pour(Entreprise entreprise) {
        List<String> codes = procedures.toutes().stream().map(Procedure::code).toList();
        return entreprise.activites().stream().flatMap(a -> parActivite.getOrDefault(a, List.of()).stream()).distinct()
                .filter(codes::contains).map(procedures::get).toList();
    }

    /** Whether some activity opens this procedure to trusted third parties (a company may have filed it). */
    boolean ouverteAUneActivite(String procedure) {
        return parActivite.values().stream().anyMatch(codes -> codes.contains(procedure));
    }

    boolean ouverte(Entreprise entreprise, String procedure) {
        return pour(entreprise).stream().anyMatch(p -> p.code().equals(procedure));
    }
}
