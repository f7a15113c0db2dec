package fr.gouv.guichet.support;

import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, over real HTTP: Guichet on its test port and the demonstration identity provider on
 * its own, cookies kept, redirects followed one by one (each hop recorded) so that a test can look at what goes
 * back and forth.
 */
public final class NavigationOidc {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String guichet;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final List<URI> etapes = new ArrayList<>();

    public NavigationOidc(int port) {
        this.guichet = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Page(URI adresse, int statut, String contenu) {
    }

    /** GET, then the redirects, until a page that is not a redirect. */
    public Page ouvrir(String adresse) {
        return suivre(envoyer(HttpRequest.newBuilder(uri(adresse)).GET().build()));
    }

    /** POST of a form (with the CSRF token of {@code pageDuFormulaire} when it has one), then the redirects. */
    public Page soumettre(String adresse, Page pageDuFormulaire, Map<String, String> champs) {
        Map<String, String> tout = new java.util.LinkedHashMap<>(champs);
        Matcher csrf = CSRF.matcher(pageDuFormulaire.contenu());
        if (csrf.find()) {
            tout.put("_csrf", csrf.group(1).replace("&#45;", "-"));
        }
        String corps = tout.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return suivre(envoyer(HttpRequest.newBuilder(uri(adresse))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build()));
    }

    /** One GET, no redirect followed: the answer itself (e.g. where Guichet sends the browser). */
    public HttpResponse<String> requete(String adresse) {
        return envoyer(HttpRequest.newBuilder(uri(adresse)).GET().build());
    }

    /** The FranceConnect (or ProConnect) sign-in with the given persona, from Guichet's button to the end. */
    public Page connexion(String bouton, String persona) {
        Page choix = ouvrir(bouton);
        if (!choix.adresse().getPath().equals("/connexion") || choix.adresse().getPort() == uri(guichet).getPort()) {
            return choix;
        }
        return soumettre(choix.adresse().resolve("/connexion").toString(), choix, Map.of("persona", persona));
    }

    public List<URI> etapes() {
        return List.copyOf(etapes);
    }

    public void oublierEtapes() {
        etapes.clear();
    }

    public String cookie(String nom) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(nom))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    public static Map<String, String> parametres(URI adresse) {
        return UriComponentsBuilder.fromUri(adresse).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue() == null ? "" : java.net.URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
    }

    private Page suivre(HttpResponse<String> reponse) {
        HttpResponse<String> courante = reponse;
        for (int i = 0; i < 20 && courante.statusCode() / 100 == 3; i++) {
            URI suivante = courante.uri().resolve(courante.headers().firstValue("Location").orElseThrow());
            courante = envoyer(HttpRequest.newBuilder(suivante).GET().build());
        }
        return new Page(courante.uri(), courante.statusCode(), courante.body());
    }

    private HttpResponse<String> envoyer(HttpRequest requete) {
        etapes.add(requete.uri());
        try {
            return http.send(requete, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String adresse) {
        return URI.create(adresse.startsWith("/") ? guichet + adresse : adresse);
    }

    private static String enc(String valeur) {
        return URLEncoder.encode(valeur, StandardCharsets.UTF_8);
    }
}
