package guichet.bench;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The national mix (issue 13): the peak of {@link PointeNationale} (deposits, agents, bare endpoint, same properties)
 * with, at the same time, {@code immatriculations}/s sales followed by their change of holder paid online. The
 * sources give no yearly volumes; registrations being the largest titles flow, the default plays them at the
 * deposits' rate ({@code depots}).
 */
public class MixNational extends Simulation {

    static final double IMMATRICULATIONS = Double.parseDouble(System.getProperty("immatriculations",
            String.valueOf(PointeNationale.DEPOTS)));

    {
        List<PopulationBuilder> flux = PointeNationale.scenarios();
        flux.add(scenario("Immatriculation").exec(ParcoursImmatriculation.cessionEtChangementDeTitulaire("immat: ")).injectOpen(
                rampUsersPerSec(0.1).to(IMMATRICULATIONS).during(PointeNationale.MONTEE),
                constantUsersPerSec(IMMATRICULATIONS).during(PointeNationale.DUREE)));
        setUp(flux).protocols(Parcours.protocole())
                .maxDuration(java.time.Duration.ofSeconds(PointeNationale.MONTEE + PointeNationale.DUREE + 120));
    }
}
