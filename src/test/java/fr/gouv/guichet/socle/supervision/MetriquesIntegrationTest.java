package fr.gouv.guichet.socle.supervision;

import fr.gouv.guichet.support.TestGuichet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Queue gauges read from the database, and their Prometheus names. */
@TestGuichet
class MetriquesIntegrationTest {

    @Autowired
    MeterRegistry registre;
    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    JdbcClient jdbc;

    @Test
    void files_d_attente_antivirus_outbox_et_retard_des_taches() {
        String cle = "0".repeat(64) + "_" + UUID.randomUUID().toString().replace("-", "");
        String tache = "sonde-" + UUID.randomUUID();
        double antivirusAvant = valeur("guichet.antivirus.en_attente");
        jdbc.sql("insert into piece_analyse (cle_stockage, etat, prochain_essai) values (?, 'EN_COURS', now() + interval '1 day')")
                .param(cle).update();
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values (?, 'x', now() - interval '1 hour', false, 1)""").param(tache).update();
        try {
            System.gc(); // a gauge whose object Micrometer held weakly would now read NaN
            assertThat(valeur("guichet.antivirus.en_attente")).isEqualTo(antivirusAvant + 1);
            assertThat(valeur("guichet.taches.retard")).isGreaterThanOrEqualTo(3600);
            assertThat(valeur("guichet.outbox.en_attente")).isCloseTo(jdbc.sql(
                    "select count(*) from event_publication where completion_date is null").query(Long.class).single(), within(5.0));
            assertThat(prometheus.scrape()).contains("guichet_antivirus_en_attente", "guichet_outbox_en_attente",
                    "guichet_taches_retard_seconds", "jvm_memory_used_bytes");
        } finally {
            jdbc.sql("delete from piece_analyse where cle_stockage = ?").param(cle).update();
            jdbc.sql("delete from scheduled_tasks where task_name = ?").param(tache).update();
        }
    }

    private double valeur(String nom) {
        return registre.get(nom).gauge().value();
    }
}
