package fr.gouv.fauxservices;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP contract of docs/services-externes-permis.md, as a client that is not Guichet sees it. */
class ServeurServicesExternesTest {

    private static final ServeurServicesExternes SERVEUR = ServeurServicesExternes.demarrer(0);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void arreter() {
        SERVEUR.close();
    }

    @Test
    void ecouteSurLInterfaceDeBouclageSeulement() {
        assertThat(SERVEUR.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void codeExpireEtCodeInconnu_statutsCodesEtMessagesDistincts() throws Exception {
        HttpResponse<String> expire = get("/ephoto/v1/codes/" + JeuDeDemonstration.EPHOTO_EXPIRE);
        HttpResponse<String> inconnu = get("/ephoto/v1/codes/" + JeuDeDemonstration.EPHOTO_INCONNU);
        assertThat(expire.statusCode()).isEqualTo(410);
        assertThat(expire.body()).contains("\"erreur\":\"code-ephoto-expire\"", "expiré");
        assertThat(inconnu.statusCode()).isEqualTo(404);
        assertThat(inconnu.body()).contains("\"erreur\":\"code-ephoto-inconnu\"", "inconnu");
    }

    @Test
    void uneModificationSansCleDIdempotenceEstRefusee() throws Exception {
        HttpResponse<String> r = post("/timbres/v1/timbres/" + JeuDeDemonstration.TIMBRES_25_EUROS.get(4) + "/reservation",
                null, "{\"dossier\":\"D1\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Idempotency-Key");
    }

    @Test
    void laMemeCleRejoueLaReponseEtNeSertPasADeuxDemandes() throws Exception {
        String chemin = "/timbres/v1/timbres/" + JeuDeDemonstration.TIMBRES_25_EUROS.get(3) + "/reservation";
        HttpResponse<String> premiere = post(chemin, "cle-1", "{\"dossier\":\"D1\"}");
        assertThat(premiere.statusCode()).isEqualTo(200);
        assertThat(post(chemin, "cle-1", "{\"dossier\":\"D1\"}").body()).isEqualTo(premiere.body());
        HttpResponse<String> autre = post(chemin, "cle-1", "{\"dossier\":\"D2\"}");
        assertThat(autre.statusCode()).isEqualTo(422);
        assertThat(autre.body()).contains("cle-idempotence-reutilisee");
        assertThat(post(chemin, "cle-2", "{\"dossier\":\"D2\"}").statusCode()).as("D2 refusé : réservé par D1").isEqualTo(409);
    }

    @Test
    void entreesBornees() throws Exception {
        assertThat(get("/timbres/v1/timbres/" + "1".repeat(65)).statusCode()).isEqualTo(400);
        assertThat(post("/production/v1/commandes", "cle-x", "{\"dossier\":\"" + "x".repeat(70_000) + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(post("/production/v1/commandes", "cle-y", "pas du json").statusCode()).isEqualTo(400);
        assertThat(get("/inconnu").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String chemin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SERVEUR.url() + chemin)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String chemin, String cle, String corps) throws IOException, InterruptedException {
        HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(SERVEUR.url() + chemin))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(corps));
        if (cle != null) {
            requete.header("Idempotency-Key", cle);
        }
        return HTTP.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }
}
