package guichet.bench;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * (a) The national peak hour, open workload model: {@code depots}/s submissions (default 10) and agents arriving so
 * that they make about {@code requetesAgents}/s requests (default 100) on queues and dossier pages, plus (b) the bare
 * endpoint at {@code nu}/s (default 10) measured in the same run on the same server. {@code montee} seconds of ramp
 * (default 30), then {@code duree} seconds at the peak (default 600).
 */
public class PointeNationale extends Simulation {

    static final double DEPOTS = Double.parseDouble(System.getProperty("depots", "10"));
    static final double REQUETES_AGENTS = Double.parseDouble(System.getProperty("requetesAgents", "100"));
    static final double NU = Double.parseDouble(System.getProperty("nu", "10"));
    static final int MONTEE = Integer.getInteger("montee", 30);
    static final int DUREE = Integer.getInteger("duree", 600);
    /** Each agent: sign-in (2 requests) then 10 rounds of at most 4 requests, 1 s apart. */
    static final int TOURS = 10;
    static final double REQUETES_PAR_AGENT = 2 + TOURS * 4;

    {
        setUp(scenarios()).protocols(Parcours.protocole())
                // Bounded: users still queued two minutes after the last arrival are cut (and reported as such).
                .maxDuration(java.time.Duration.ofSeconds(MONTEE + DUREE + 120));
    }

    /** The peak's three flows (deposits, agents, bare endpoint), also played by {@link MixNational}. */
    static List<PopulationBuilder> scenarios() {
        double agentsParSeconde = REQUETES_AGENTS / REQUETES_PAR_AGENT;
        return new ArrayList<>(List.of(
                scenario("Dépôts").exec(Parcours.depot("usager: ")).injectOpen(
                        rampUsersPerSec(1).to(DEPOTS).during(MONTEE), constantUsersPerSec(DEPOTS).during(DUREE)),
                scenario("Agents").exec(Parcours.agent("agent: ", TOURS, Duration.ofSeconds(1))).injectOpen(
                        rampUsersPerSec(0.2).to(agentsParSeconde).during(MONTEE), constantUsersPerSec(agentsParSeconde).during(DUREE)),
                scenario("Point nu").exec(Parcours.nu("nu: ")).injectOpen(
                        rampUsersPerSec(1).to(NU).during(MONTEE), constantUsersPerSec(NU).during(DUREE))));
    }
}
