package guichet.bench;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * (d) Overload: submissions at {@code depots}/s (3 × the knee) for {@code duree} seconds, while the bare endpoint is
 * probed at 5/s; then the load drops to 5 submissions/s for 60 s ("après"): does Guichet shed what it cannot serve
 * (429/503 + Retry-After), keep accepted requests under 2 s, and come back to normal within 60 s?
 */
public class Surcharge extends Simulation {

    static final double DEPOTS = Double.parseDouble(System.getProperty("depots", "90"));
    static final int DUREE = Integer.getInteger("duree", 120);

    {
        setUp(
                scenario("Surcharge").exec(Parcours.depot("surcharge: ")).injectOpen(constantUsersPerSec(DEPOTS).during(DUREE)),
                scenario("Point nu pendant").exec(Parcours.nu("surcharge: ")).injectOpen(constantUsersPerSec(5).during(DUREE)),
                scenario("Après").exec(Parcours.depot("après: ")).injectOpen(nothingFor(Duration.ofSeconds(DUREE)),
                        constantUsersPerSec(5).during(60)),
                scenario("Point nu après").exec(Parcours.nu("après: ")).injectOpen(nothingFor(Duration.ofSeconds(DUREE)),
                        constantUsersPerSec(5).during(60))
        ).protocols(Parcours.protocole().shareConnections())
                .maxDuration(Duration.ofSeconds(DUREE + 60 + 120));
    }
}
