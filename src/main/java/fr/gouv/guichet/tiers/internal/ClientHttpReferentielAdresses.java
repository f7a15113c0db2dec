package fr.gouv.guichet.tiers.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The BAN geocoder ({@code GET <url>/search?q=<ligne commune>&postcode=<cp>&limit=1}, GeoCodeJSON; IGN Géoplateforme
 * {@code https://data.geopf.fr/geocodage}, 50 requests/s): known when the best result is a {@code housenumber} with a
 * score of at least {@value #SCORE_MIN}. Bounded waits; a failure, HTTP 429 or an unreadable answer is
 * {@link ReferentielIndisponible}.
 */
class ClientHttpReferentielAdresses implements ReferentielAdresses {

    static final double SCORE_MIN = 0.6;

    private final HttpClient client;
    private final URI base;
    private final Duration delai;
    private final JsonMapper json = JsonMapper.builder().build();

    ClientHttpReferentielAdresses(String url, Duration delai) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.delai = delai;
        this.client = HttpClient.newBuilder().connectTimeout(delai).build();
    }

    @Override
    public boolean connue(String ligne, String codePostal, String commune) {
        String q = URLEncoder.encode((ligne + " " + commune).strip(), StandardCharsets.UTF_8);
        String cp = codePostal.strip().matches("\\d{5}") ? "&postcode=" + codePostal.strip() : "";
        HttpRequest requete = HttpRequest.newBuilder(base.resolve("search?q=" + q + cp + "&limit=1")).timeout(delai)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> reponse = client.send(requete, HttpResponse.BodyHandlers.ofString());
            if (reponse.statusCode() != 200) {
                throw new ReferentielIndisponible("Référentiel des adresses : réponse " + reponse.statusCode(), null);
            }
            return lire(json.readTree(reponse.body()));
        } catch (IOException e) {
            throw new ReferentielIndisponible("Référentiel des adresses injoignable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReferentielIndisponible("Référentiel des adresses : attente interrompue", e);
        } catch (ReferentielIndisponible e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ReferentielIndisponible("Référentiel des adresses : réponse illisible", e);
        }
    }

    static boolean lire(JsonNode racine) {
        if (!racine.has("features")) {
            throw new ReferentielIndisponible("Référentiel des adresses : réponse sans « features »", null);
        }
        for (JsonNode f : racine.path("features")) {
            JsonNode p = f.path("properties");
            return "housenumber".equals(p.path("type").asString("")) && p.path("score").asDouble(0) >= SCORE_MIN;
        }
        return false;
    }
}
