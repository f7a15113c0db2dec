package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to reach the service that instructs a dossier, for the help page: the same coordinates as the accusé de
 * réception: the dossier's service instructeur (fixed at deposit: a préfecture, a CERT…) with the contact details
 * its administrator entered.
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

    public Optional<Coordonnees> duServiceInstructeur(long dossierId) {
        return jdbc.sql("""
                        select s.nom, s.bureau, s.adresse, s.telephone, s.courriel, s.horaires
                        from dossier d join service_instructeur s on s.code = d.service where d.id = ?""")
                .param(dossierId)
                .query((rs, i) -> new Coordonnees(rs.getString(2).isBlank() ? rs.getString(1) : rs.getString(2), rs.getString(1),
                        Arrays.stream(rs.getString(3).split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList(),
                        rs.getString(4), rs.getString(5), rs.getString(6) == null || rs.getString(6).isBlank() ? null : rs.getString(6)))
                .optional();
    }
}
