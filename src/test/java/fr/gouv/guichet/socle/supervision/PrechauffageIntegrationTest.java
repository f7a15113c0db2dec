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
 * Issue 18, point 5: the warm-up (example PDFs: accusé de réception, arrêtés, refusal; example e-mail; public pages) is over before the readiness probe says ready, and the
 * probe answers "not ready" while it runs.
 */
@TestGuichet
@TestPropertySource(properties = {"guichet.prechauffage.actif=true", "guichet.prechauffage.tours=2"})
@Import(PrechauffageIntegrationTest.Temoins.class)
class PrechauffageIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Temoins {

        /** What the warm-up had done when Spring Boot declared the application ready. */
        static final List<Map<String, List<Long>>> FAIT_AU_MOMENT_PRET = new CopyOnWriteArrayList<>();
        /** Status of the readiness probe seen from inside the warm-up. */
        static final List<Integer> SONDE_PENDANT = new CopyOnWriteArrayList<>();

        @Bean
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>> temoinPret(PrechauffageAuDemarrage prechauffage) {
            return e -> {
                if (e.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                    FAIT_AU_MOMENT_PRET.add(prechauffage.durees());
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

    @LocalServerPort
    int port;
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
                "courriel d’exemple (construit et encodé, jamais envoyé)");
        assertThat(fait.values()).allSatisfy(tours -> assertThat(tours).hasSize(2));
        assertThat(prechauffage.durees()).isEqualTo(fait);
        assertThat(statut(port)).as("prête ensuite").isEqualTo(200);
    }
}
