package fr.gouv.fauxservices;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demonstration server of registration as a client that is not Guichet sees it: failures and slowness programmed
 * per service (production, payment API; the payment page stays up), orders counted per dossier, full refund of a
 * paid payment only, the same refund given back when asked again.
 */
class ServeurDemoImmatriculationTest {

    private static final ServeurDemoImmatriculation SERVEUR = ServeurDemoImmatriculation.demarrer(0, "secret-de-test-du-paiement-0123",
            Clock.systemDefaultZone(), Duration.ofMinutes(2));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CERTIFICAT = """
            {"dossier":"%s","immatriculation":"AA-123-AA","nom":"Dominique Acheteur","adresse":"1 rue de la Paix","codePostal":"83000","commune":"Toulon"}""";

    @AfterEach
    void reparer() {
        SERVEUR.pannes().reparer();
    }

    @AfterAll
    static void arreter() {
        SERVEUR.close();
    }

    @Test
    void productionEnPanne_503SansCommande_puisLenteMaisCommandeeUneFois() throws Exception {
        SERVEUR.pannes().programmer(Service.PRODUCTION, Pannes.Mode.INDISPONIBLE, 2);
        assertThat(post("/production/v1/certificats", CERTIFICAT.formatted("IM-1")).statusCode()).isEqualTo(503);
        assertThat(post("/production/v1/certificats", CERTIFICAT.formatted("IM-1")).statusCode()).isEqualTo(503);
        assertThat(SERVEUR.certificatsDemandes("IM-1")).as("rien de commandé pendant la panne").isZero();

        SERVEUR.pannes().programmer(Service.PRODUCTION, Pannes.Mode.LENT, 1, Duration.ofMillis(400));
        long debut = System.nanoTime();
        HttpResponse<String> lente = post("/production/v1/certificats", CERTIFICAT.formatted("IM-1"));
        assertThat(Duration.ofNanos(System.nanoTime() - debut)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(lente.statusCode()).isEqualTo(200);
        HttpResponse<String> encore = post("/production/v1/certificats", CERTIFICAT.formatted("IM-1"));
        assertThat(encore.body()).as("la même commande rendue").isEqualTo(lente.body());
        assertThat(SERVEUR.certificatsDemandes("IM-1")).as("deux commandes reçues : le client a commandé deux fois").isEqualTo(2);
    }

    @Test
    void paiementEncaisse_remboursementTotalUneFois_unPaiementNonEncaisseNeSeRemboursePas() throws Exception {
        String paye = ouvrir("R-1");
        String enAttente = ouvrir("R-2");
        // The API down leaves the payment page up: the person pays.
        SERVEUR.pannes().programmer(Service.PAIEMENT, Pannes.Mode.INDISPONIBLE, 1);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(SERVEUR.url() + "/paiement/payer/" + paye))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("action=payer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(post("/paiement/v1/paiements/" + paye + "/remboursements", "{\"montant\":4200,\"motif\":\"second paiement\"}").statusCode())
                .as("API en panne").isEqualTo(503);
        assertThat(SERVEUR.paiements().statut(paye)).isEqualTo("PAYE");

        assertThat(post("/paiement/v1/paiements/" + paye + "/remboursements", "{\"montant\":100,\"motif\":\"partiel\"}").statusCode())
                .as("remboursement total seulement").isEqualTo(400);
        HttpResponse<String> rembourse = post("/paiement/v1/paiements/" + paye + "/remboursements", "{\"montant\":4200,\"motif\":\"second paiement\"}");
        assertThat(rembourse.statusCode()).isEqualTo(200);
        assertThat(rembourse.body()).contains("\"statut\":\"REMBOURSE\"", "RMB-");
        assertThat(post("/paiement/v1/paiements/" + paye + "/remboursements", "{\"montant\":4200,\"motif\":\"second paiement\"}").body())
                .as("demandé à nouveau : le même remboursement").isEqualTo(rembourse.body());
        assertThat(get("/paiement/v1/paiements/" + paye).body()).contains("\"statut\":\"REMBOURSE\"");

        HttpResponse<String> refuse = post("/paiement/v1/paiements/" + enAttente + "/remboursements", "{\"montant\":4200,\"motif\":\"x\"}");
        assertThat(refuse.statusCode()).isEqualTo(409);
        assertThat(SERVEUR.paiements().statut(enAttente)).isEqualTo("EN_ATTENTE");
    }

    private String ouvrir(String reference) throws Exception {
        HttpResponse<String> r = post("/paiement/v1/paiements", """
                {"reference":"%s","montant":4200,"libelle":"Changement de titulaire","urlRetour":"http://127.0.0.1:1/retour",
                 "urlNotification":"http://127.0.0.1:1/notification"}""".formatted(reference));
        assertThat(r.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("\"identifiant\":\"(PAY-[0-9]+)\"").matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> post(String chemin, String corps) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SERVEUR.url() + chemin)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "cle-" + System.nanoTime()).POST(HttpRequest.BodyPublishers.ofString(corps)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String chemin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SERVEUR.url() + chemin)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
