package fr.gouv.guichet.immatriculation.externe;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JSON over HTTP with bounded timeouts; a change ({@code POST}) carries an idempotency key so that a retry does
 * nothing twice. Any failure is a {@link ServiceIndisponible} with a French message.
 */
public class ClientHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String nom;
    private final Supplier<String> adresse;
    private final Duration delai;
    private final HttpClient client;

    public ClientHttp(String nom, Supplier<String> adresse, Duration delai) {
        this.nom = nom;
        this.adresse = adresse;
        this.delai = delai;
        this.client = HttpClient.newBuilder().connectTimeout(delai).build();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> envoyer(String chemin, Map<String, Object> corps, String cleIdempotence) {
        HttpRequest requete = HttpRequest.newBuilder(URI.create(adresse.get() + chemin)).timeout(delai)
                .header("Content-Type", "application/json").header("Idempotency-Key", cleIdempotence)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(corps))).build();
        return executer(requete);
    }

    protected Map<String, Object> lire(String chemin) {
        return executer(HttpRequest.newBuilder(URI.create(adresse.get() + chemin)).timeout(delai).GET().build());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> executer(HttpRequest requete) {
        try {
            HttpResponse<byte[]> reponse = client.send(requete, HttpResponse.BodyHandlers.ofByteArray());
            if (reponse.statusCode() != 200) {
                throw new ServiceIndisponible(nom + " a répondu " + reponse.statusCode());
            }
            return JSON.readValue(reponse.body(), Map.class);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ServiceIndisponible s) {
                throw s;
            }
            throw new ServiceIndisponible(nom + " ne répond pas", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceIndisponible(nom + " : attente interrompue", e);
        }
    }

    protected static String texte(Map<String, Object> r, String cle) {
        if (!(r.get(cle) instanceof String s) || s.isBlank()) {
            throw new ServiceIndisponible("Réponse inattendue : " + cle + " manquant");
        }
        return s;
    }

    protected static int entier(Map<String, Object> r, String cle) {
        if (!(r.get(cle) instanceof Number n)) {
            throw new ServiceIndisponible("Réponse inattendue : " + cle + " manquant");
        }
        return n.intValue();
    }

    static JsonMapper json() {
        return JSON;
    }
}
