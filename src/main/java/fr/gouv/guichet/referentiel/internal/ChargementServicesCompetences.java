package fr.gouv.guichet.referentiel.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads {@code referentiel/services.csv} and {@code referentiel/competences.csv} at start-up, before any request:
 * idempotent (a row already there is left as it is, so the contact details an administrator typed and the rows the
 * national administrator added are never overwritten), in one transaction.
 */
@Component
class ChargementServicesCompetences implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ChargementServicesCompetences.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ChargementServicesCompetences(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(s -> {
            // Two instances starting together load the same rows: one waits for the other.
            jdbc.sql("select pg_advisory_xact_lock(20261202)").query(Object.class).list();
            int services = 0;
            for (String[] c : lignes("referentiel/services.csv", 8)) {
                services += jdbc.sql("""
                                insert into service_instructeur (code, type, nom, code_departement, adresse, telephone, courriel, horaires)
                                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
                        .params(c[0], c[1], c[2], c[3], c[4].replace("\\n", "\n"), c[5], c[6], c[7]).update();
            }
            int competences = 0;
            for (String[] c : lignes("referentiel/competences.csv", 6)) {
                competences += jdbc.sql("""
                                insert into competence (famille, code_departement, service, valide_du, valide_au, source)
                                values (?, ?, ?, cast(? as date), cast(nullif(?, '') as date), ?) on conflict do nothing""")
                        .params(c[0], c[1], c[2], c[3], c[4], c[5]).update();
            }
            if (services + competences > 0) {
                log.info("Référentiel des services : {} service(s) et {} ligne(s) de compétence ajoutés", services, competences);
            }
        });
    }

    static List<String[]> lignes(String chemin, int colonnes) {
        try (var in = new ClassPathResource(chemin).getInputStream()) {
            List<String> lignes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).skip(1).toList();
            return lignes.stream().map(l -> {
                String[] c = l.split(";", -1);
                if (c.length != colonnes) {
                    throw new IllegalStateException("Référentiel " + chemin + " : " + colonnes + " colonnes attendues dans « " + l + " »");
                }
                for (int i = 0; i < c.length; i++) {
                    c[i] = c[i].strip();
                }
                return c;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Référentiel " + chemin + " illisible", e);
        }
    }
}
