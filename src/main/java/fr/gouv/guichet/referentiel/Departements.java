package fr.gouv.guichet.referentiel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 101 départements, loaded once (they come from a migration and never change at run time). */
@Service
public class Departements {

    private final List<Departement> tous;
    private final Map<String, Departement> parCode;

    Departements(JdbcClient jdbc) {
        this.tous = jdbc.sql("select code, nom, chef_lieu, region, libelle_prefecture from departement order by ordre")
                .query((rs, i) -> new Departement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        this.parCode = tous.stream().collect(Collectors.toUnmodifiableMap(Departement::code, Function.identity()));
    }

    public List<Departement> tous() {
        return tous;
    }

    public Optional<Departement> parCode(String code) {
        return Optional.ofNullable(parCode.get(code));
    }
}
