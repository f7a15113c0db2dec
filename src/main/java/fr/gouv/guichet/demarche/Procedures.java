package fr.gouv.guichet.demarche;

import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every procedure the features declared. */
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
}
