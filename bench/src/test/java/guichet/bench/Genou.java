package guichet.bench;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * (c) One step of the knee search: submissions alone at {@code depots}/s for {@code duree} seconds after a 10 s ramp.
 * run.sh runs the steps 10, 20, … 60/s one after the other (each its own report) and keeps the highest rate whose
 * p99 stays ≤ 1 s with less than 1 % errors.
 */
public class Genou extends Simulation {

    static final double DEPOTS = Double.parseDouble(System.getProperty("depots", "10"));
    static final int DUREE = Integer.getInteger("duree", 120);

    {
        setUp(scenario("Dépôts à " + DEPOTS + "/s").exec(Parcours.depot("usager: ")).injectOpen(
                rampUsersPerSec(1).to(DEPOTS).during(10), constantUsersPerSec(DEPOTS).during(DUREE))
        ).protocols(Parcours.protocole())
                // Bounded: users still queued two minutes after the last arrival are cut (and reported as such).
                .maxDuration(java.time.Duration.ofSeconds(10 + DUREE + 120));
    }
}
