package guichet.bench;

import io.gatling.javaapi.core.ChainBuilder;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static guichet.bench.Parcours.csrf;
import static guichet.bench.Parcours.version;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The registration journey (issue 13), as two browsers without JavaScript do it: a seller signs in, opens "Mes
 * véhicules", declares the sale of the first car listed and reads the code de cession; then a buyer (another account)
 * signs in, enters the number and the code, fills the holder's page and pays with the demonstration provider (its own
 * port), and comes back to the paid request. Cars come from {@link AmorcageVehicules}.
 */
final class ParcoursImmatriculation {

    private ParcoursImmatriculation() {
    }

    /** A seller and a buyer of two different accounts, and an address of the buyer's own (fraud rule per address). */
    static Iterator<Map<String, Object>> vendeursEtAcheteurs() {
        return Stream.generate(() -> {
            ThreadLocalRandom alea = ThreadLocalRandom.current();
            int vendeur = 1 + alea.nextInt(Parcours.USAGERS);
            int acheteur = 1 + (vendeur + alea.nextInt(Parcours.USAGERS - 1)) % Parcours.USAGERS;
            return Map.<String, Object>of("vendeur", "usager-" + vendeur + "@bench.guichet.test",
                    "acheteur", "usager-" + acheteur + "@bench.guichet.test",
                    "adresse", (1 + alea.nextInt(1_000_000)) + " avenue du Banc " + alea.nextInt(1_000_000));
        }).iterator();
    }

    static ChainBuilder connexion(String p, String email) {
        return exec(http(p + " GET /connexion").get("/connexion").check(csrf()))
                .exitHereIfFailed()
                .exec(http(p + " POST /connexion").post("/connexion")
                        .formParam("email", email).formParam("motDePasse", Amorcage.MOT_DE_PASSE).formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex(".*/usager$").exists()))
                .exitHereIfFailed();
    }

    static ChainBuilder cessionEtChangementDeTitulaire(String p) {
        String veille = LocalDate.now().minusDays(1).toString();
        return feed(vendeursEtAcheteurs())
                .exec(connexion(p + "01-02 vendeur", "#{vendeur}"))
                .exec(http(p + "03 GET mes véhicules").get("/usager/vehicules")
                        .check(regex("href=\"/usager/vehicules/(\\d+)\">Voir ([A-Z]{2}-\\d{3}-[A-Z]{2})<").captureGroups(2).saveAs("vehicule")))
                .exitHereIfFailed()
                .exec(http(p + "04 GET cession").get("/usager/vehicules/#{vehicule(0)}/cession").check(csrf()))
                .exitHereIfFailed()
                .exec(http(p + "05 POST cession").post("/usager/vehicules/#{vehicule(0)}/cession")
                        .formParam("dateVente", veille).formParam("kilometrage", "84000").formParam("acquereurNom", "Banc")
                        .formParam("acquereurPrenoms", "Acheteur").formParam("_csrf", "#{csrf}")
                        .check(regex("id=\"code-cession\">([A-Z0-9]+)<").saveAs("code")))
                .exitHereIfFailed()
                .exec(flushCookieJar())
                .exec(connexion(p + "06-07 acheteur", "#{acheteur}"))
                .exec(http(p + "08 GET achat").get("/usager/vehicules/achat").check(csrf()))
                .exitHereIfFailed()
                .exec(http(p + "09 POST code de cession").post("/usager/vehicules/achat")
                        .formParam("immatriculation", "#{vehicule(1)}").formParam("code", "#{code}").formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex(".*/usager/vehicules/demandes/(\\d+)$").saveAs("demande"), csrf(), version()))
                .exitHereIfFailed()
                .exec(http(p + "10 POST titulaire et payer").post("/usager/vehicules/demandes/#{demande}")
                        .formParam("version", "#{version}").formParam("action", "payer").formParam("nom", "Banc")
                        .formParam("prenoms", "Acheteur").formParam("date_naissance", "1980-04-12").formParam("adresse", "#{adresse}")
                        .formParam("code_postal", "83000").formParam("commune", "Toulon").formParam("_csrf", "#{csrf}")
                        .check(regex("id=\"aller-payer\" href=\"([^\"]+)\"").saveAs("prestataire")))
                .exitHereIfFailed()
                .exec(http(p + "11 GET page du prestataire").get("#{prestataire}").check(regex("id=\"payer\"").exists()))
                .exitHereIfFailed()
                .exec(http(p + "12 POST payer et retour").post("#{prestataire}").formParam("action", "payer")
                        .check(currentLocationRegex(".*/usager/vehicules/demandes/\\d+$").exists(), regex("Paiement de").exists()))
                .exitHereIfFailed();
    }
}
