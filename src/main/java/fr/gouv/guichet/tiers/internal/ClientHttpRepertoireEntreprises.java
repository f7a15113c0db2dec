package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The « Recherche d’entreprises » API ({@code GET <url>/search?q=<siret>}): the establishment whose SIRET matches,
 * among the results' {@code matching_etablissements}, with its {@code etat_administratif} (A = active).
 * Bounded waits; a failure or an unexpected answer is {@link RepertoireIndisponible}.
 */
class ClientHttpRepertoireEntreprises implements RepertoireEntreprises {

    private final HttpClient client;
    private final URI base;
    private final Duration delai;
    private final JsonMapper json = JsonMapper.builder().build();

    ClientHttpRepertoireEntreprises(String url, Duration delai) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.delai = delai;
        this.client = HttpClient.newBuilder().connectTimeout(delai).build();
    }

    @Override
    public @Nullable Etablissement etablissement(String siret) {
        if (!siret.matches("\\d{14}")) {
            return null;
        }
        HttpRequest requete = HttpRequest.newBuilder(base.resolve("search?q=" + siret)).timeout(delai)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> reponse = client.send(requete, HttpResponse.BodyHandlers.ofString());
            if (reponse.statusCode() != 200) {
                throw new RepertoireIndisponible("Répertoire des entreprises : réponse " + reponse.statusCode(), null);
            }
            return lire(json.readTree(reponse.body()), siret);
        } catch (IOException e) {
            throw new RepertoireIndisponible("Répertoire des entreprises injoignable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepertoireIndisponible("Répertoire des entreprises : attente interrompue", e);
        } catch (RuntimeException e) {
            if (e instanceof RepertoireIndisponible r) {
                throw r;
            }
            throw new RepertoireIndisponible("Répertoire des entreprises : réponse illisible", e);
        }
    }

    static @Nullable Etablissement lire(JsonNode racine, String siret) {
        for (JsonNode resultat : racine.path("results")) {
            for (JsonNode etab : resultat.path("matching_etablissements")) {
                if (siret.equals(etab.path("siret").asString(""))) {
                    return new Etablissement(siret, resultat.path("nom_complet").asString(""),
                            "A".equals(etab.path("etat_administratif").asString("")));
                }
            }
        }
        return null;
    }
}
