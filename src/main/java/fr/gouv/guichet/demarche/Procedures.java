package fr.gouv.guichet.demarche;

import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every procedure the features declared, and their lifecycles. */
@Service
public class Procedures {

    private final Map<String, Procedure> parCode;

    Procedures(List<Procedure> procedures) {
        this.parCode = procedures.stream().collect(Collectors.toUnmodifiableMap(Procedure::code, Function.identity()));
    }

    public Procedure get(String code) {
        Procedure p = parCode.get(code);
        if (p == null) {
            throw new IllegalArgumentException("Procédure inconnue : " + code);
        }
        return p;
    }

    public Collection<Procedure> toutes() {
        return parCode.values();
    }

    /** The lifecycle of the dossiers of procedure {@code demarche}. */
    public CycleDeVie cycle(String demarche) {
        return get(demarche).cycle();
    }

    /** The state {@code code} of procedure {@code demarche}. @throws EtatInconnu if its lifecycle has none */
    public Etat etat(String demarche, String code) {
        return cycle(demarche).etat(code);
    }

    /** The codes of the states, across every lifecycle, that show this status to the usager. */
    public List<String> codesDesEtats(StatutUsager statut) {
        return parCode.values().stream().flatMap(p -> p.cycle().etats().stream()).filter(e -> e.statut() == statut)
                .map(Etat::code).distinct().sorted().toList();
    }
}
