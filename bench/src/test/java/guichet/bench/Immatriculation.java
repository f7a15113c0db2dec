package guichet.bench;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The registration flow alone, open workload model: {@code immatriculations}/s sales followed by their change of
 * holder paid online (default 1), {@code montee} seconds of ramp (default 10) then {@code duree} seconds (default 60).
 */
public class Immatriculation extends Simulation {

    static final double DEBIT = Double.parseDouble(System.getProperty("immatriculations", "1"));
    static final int MONTEE = Integer.getInteger("montee", 10);
    static final int DUREE = Integer.getInteger("duree", 60);

    {
        setUp(scenario("Immatriculation").exec(ParcoursImmatriculation.cessionEtChangementDeTitulaire("immat: ")).injectOpen(
                rampUsersPerSec(0.1).to(DEBIT).during(MONTEE), constantUsersPerSec(DEBIT).during(DUREE)))
                .protocols(Parcours.protocole())
                .maxDuration(java.time.Duration.ofSeconds(MONTEE + DUREE + 120));
    }
}
