package fr.gouv.guichet.socle.supervision;

import fr.gouv.guichet.socle.Prechauffage;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 5: the warm-up (example PDFs: accusé de réception, arrêtés, refusal; example e-mail; public pages;
 * ADR 0033: usager's and agent's sign-in, usager's pages, agents' queue, without any account) is over before the
 * readiness probe says ready, the probe answers "not ready" while it runs, and it writes nothing: no business row, no
 * failed sign-in, no session.
 */
@TestGuichet
@TestPropertySource(properties = {"guichet.prechauffage.actif=true", "guichet.prechauffage.tours=2",
        "guichet.prechauffage.attente-compilation=PT3S"})
@Import(PrechauffageIntegrationTest.Temoins.class)
class PrechauffageIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Temoins {

        /** What the warm-up had done when Spring Boot declared the application ready. */
        static final List<Map<String, List<Long>>> FAIT_AU_MOMENT_PRET = new CopyOnWriteArrayList<>();
        /** Status of the readiness probe seen from inside the warm-up. */
        static final List<Integer> SONDE_PENDANT = new CopyOnWriteArrayList<>();
        /** Row counts of the business tables before the first warm-up, then when ready. */
        static final List<Map<String, Long>> LIGNES_AVANT = new CopyOnWriteArrayList<>();
        static final List<Map<String, Long>> LIGNES_AU_MOMENT_PRET = new CopyOnWriteArrayList<>();

        /** First of the warm-ups: what the tables hold before any warm-up runs. */
        @Bean
        @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
        Prechauffage lignesAvantLePrechauffage(JdbcClient jdbc) {
            return new Prechauffage() {
                @Override
                public String nom() {
                    return "témoin des tables";
                }

                @Override
                public void prechauffer() {
                    if (LIGNES_AVANT.isEmpty()) {
                        LIGNES_AVANT.add(lignes(jdbc));
                    }
                }
            };
        }

        @Bean
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>> temoinPret(PrechauffageAuDemarrage prechauffage, JdbcClient jdbc) {
            return e -> {
                if (e.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                    FAIT_AU_MOMENT_PRET.add(prechauffage.durees());
                    LIGNES_AU_MOMENT_PRET.add(lignes(jdbc));
                }
            };
        }

        @Bean
        Prechauffage sondePendantLePrechauffage(Environment env) {
            return new Prechauffage() {
                @Override
                public String nom() {
                    return "témoin de la sonde";
                }

                @Override
                public void prechauffer() throws Exception {
                    SONDE_PENDANT.add(statut(env.getRequiredProperty("local.server.port", Integer.class)));
                }
            };
        }
    }

    /** What a sign-in, a deposit, a page or an e-mail would write (sessions and failed sign-ins included). */
    static final List<String> TABLES_METIER = List.of("usager", "agent", "agent_service", "dossier", "dossier_transition",
            "dossier_message", "numero_sequence", "document_emis", "piece_jointe", "courriel_envoi", "event_publication",
            "echec_connexion", "frein_tentative", "jeton_compte", "jeton_agent", "spring_session", "spring_session_attributes");

    static Map<String, Long> lignes(JdbcClient jdbc) {
        Map<String, Long> lignes = new java.util.TreeMap<>();
        for (String table : TABLES_METIER) {
            lignes.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return lignes;
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PrechauffageAuDemarrage prechauffage;

    static int statut(int port) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void la_sonde_de_disponibilite_attend_la_fin_du_prechauffage() throws Exception {
        assertThat(Temoins.SONDE_PENDANT).as("sonde interrogée pendant le préchauffage").isNotEmpty()
                .allSatisfy(s -> assertThat(s).as("pas prêt pendant le préchauffage").isEqualTo(503));
        assertThat(Temoins.FAIT_AU_MOMENT_PRET).hasSize(1);
        Map<String, List<Long>> fait = Temoins.FAIT_AU_MOMENT_PRET.getFirst();
        assertThat(fait.keySet()).contains("pages publiques", "rendu PDF (accusé de réception d’exemple)",
                "rendu PDF des actes de vidéoprotection (arrêté et refus d’exemple)",
                "courriel d’exemple (construit et encodé, jamais envoyé)",
                "connexion de l’usager (sans compte, rien d’enregistré)", "connexion de l’agent (sans compte, rien d’enregistré)",
                "pages de l’usager (Mes dossiers, écrans de formulaire, validation ; en mémoire)",
                "file de l’agent (requêtes sur un service inexistant, page rendue en mémoire)");
        assertThat(fait.values()).allSatisfy(tours -> assertThat(tours).hasSize(2));
        assertThat(prechauffage.durees()).isEqualTo(fait);
        assertThat(statut(port)).as("prête ensuite").isEqualTo(200);
    }

    @Test
    void le_prechauffage_n_ecrit_rien_ni_dossier_ni_echec_de_connexion_ni_session() {
        assertThat(Temoins.LIGNES_AVANT).hasSize(1);
        assertThat(Temoins.LIGNES_AU_MOMENT_PRET).hasSize(1);
        assertThat(Temoins.LIGNES_AU_MOMENT_PRET.getFirst()).as("lignes des tables métier après le préchauffage")
                .isEqualTo(Temoins.LIGNES_AVANT.getFirst());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name like '%exemple.invalid'")
                .query(Long.class).single()).as("session d’un titulaire fictif du préchauffage").isZero();
        assertThat(jdbc.sql("select count(*) from echec_connexion where email like '%exemple.invalid'")
                .query(Long.class).single()).as("échec de connexion du préchauffage").isZero();
    }
}
