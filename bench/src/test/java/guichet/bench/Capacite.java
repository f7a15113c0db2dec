package guichet.bench;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Throughput at saturation (closed model: {@code clients} clients, default 16, each sending its next request as soon
 * as the previous one is answered, for {@code duree} s): {@code cible=nu} for GET / (the bare endpoint),
 * {@code cible=usager} for the authenticated usager page GET /usager/dossiers (each client signs in once first).
 * The ratio of the two throughputs is the "usager page at ≥ 70 % of the bare endpoint".
 */
public class Capacite extends Simulation {

    static final String CIBLE = System.getProperty("cible", "nu");
    static final int CLIENTS = Integer.getInteger("clients", 16);
    static final int DUREE = Integer.getInteger("duree", 60);

    {
        var chaine = CIBLE.equals("usager")
                ? feed(Parcours.usagers())
                .exec(http("connexion GET").get("/connexion").check(Parcours.csrf()))
                .exec(http("connexion POST").post("/connexion").formParam("email", "#{email}")
                        .formParam("motDePasse", Amorcage.MOT_DE_PASSE).formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex(".*/usager$").exists()))
                .exec(during(Duration.ofSeconds(DUREE)).on(exec(http("capacité: GET /usager/dossiers").get("/usager/dossiers"))))
                : exec(during(Duration.ofSeconds(DUREE)).on(exec(http("capacité: GET / (point nu)").get("/"))));
        setUp(scenario("Capacité " + CIBLE).exec(chaine).injectClosed(constantConcurrentUsers(CLIENTS).during(1)))
                .protocols(Parcours.protocole());
    }
}
