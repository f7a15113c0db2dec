package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to reach the service that instructs a dossier, for the help page: the same coordinates as the accusé de
 * réception (the préfecture's service of the dossier's département). This is the one method to rebranch when
 * services get their own coordinates.
 */
@Component
public class CoordonneesService {

    /** @param horaires opening hours of the service, null when none are recorded (then none are shown) */
    public record Coordonnees(String nom, String prefecture, List<String> adresse, String telephone, String courriel,
                              @Nullable String horaires) {
    }

    private final JdbcClient jdbc;

    CoordonneesService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Coordonnees> duServiceInstructeur(String codeDepartement) {
        return jdbc.sql("""
                        select p.libelle_prefecture, s.nom, s.adresse, s.telephone, s.courriel
                        from service_prefecture s join departement p on p.code = s.code_departement where s.code_departement = ?""")
                .param(codeDepartement)
                .query((rs, i) -> new Coordonnees(rs.getString(2), rs.getString(1), Arrays.asList(rs.getString(3).split("\n")),
                        rs.getString(4), rs.getString(5), null))
                .optional();
    }
}
