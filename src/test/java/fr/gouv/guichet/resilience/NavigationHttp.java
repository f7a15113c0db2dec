package fr.gouv.guichet.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session without JavaScript, over HTTP/1.1: cookies kept, redirects not followed, forms posted as a
 * browser does. Tells apart an application that is down (retry) from a session that was lost (sign in again).
 */
final class NavigationHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** The application or its database is unavailable (connection refused or reset, 5xx): try again. */
    static final class Indisponible extends Exception {
        /** The connection was refused: the request cannot have reached the application. */
        final boolean jamaisRecue;

        Indisponible(String message) {
            this(message, false);
        }

        Indisponible(String message, boolean jamaisRecue) {
            super(message, null, false, false);
            this.jamaisRecue = jamaisRecue;
        }
    }

    /** The session is gone or its CSRF token refused: sign in again, then try again. */
    static final class SessionPerdue extends Exception {
        SessionPerdue(String message) {
            super(message, null, false, false);
        }
    }

    record Reponse(int statut, String location, String corps) {
    }

    private final Supplier<String> baseUrl;
    private final HttpClient http;

    NavigationHttp(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    Reponse get(String chemin) throws Indisponible, IOException, InterruptedException {
        return envoyer(HttpRequest.newBuilder(URI.create(baseUrl.get() + chemin)).GET());
    }

    Reponse exigerPage(String chemin) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        Reponse r = get(chemin);
        if (r.statut() == 302 && r.location().endsWith("/connexion")) {
            throw new SessionPerdue("GET " + chemin);
        }
        if (r.statut() != 200) {
            throw new AssertionError("GET " + chemin + " : " + r.statut() + " → " + r.location());
        }
        return r;
    }

    Reponse post(String chemin, Map<String, String> parametres) throws Indisponible, IOException, InterruptedException {
        List<String[]> liste = new ArrayList<>();
        parametres.forEach((k, v) -> liste.add(new String[]{k, v}));
        return post(chemin, liste);
    }

    Reponse post(String chemin, List<String[]> parametres) throws Indisponible, IOException, InterruptedException {
        StringBuilder corps = new StringBuilder();
        for (String[] p : parametres) {
            if (!corps.isEmpty()) {
                corps.append('&');
            }
            corps.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        return envoyer(HttpRequest.newBuilder(URI.create(baseUrl.get() + chemin))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(corps.toString())));
    }

    Reponse multipart(String chemin, String jeton, String codePiece, String nom, byte[] contenu)
            throws Indisponible, IOException, InterruptedException {
        String frontiere = "----crash" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        String entete = "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"codePiece\"\r\n\r\n" + codePiece + "\r\n"
                + "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nom + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        corps.writeBytes(entete.getBytes(StandardCharsets.UTF_8));
        corps.writeBytes(contenu);
        corps.writeBytes(("\r\n--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return envoyer(HttpRequest.newBuilder(URI.create(baseUrl.get() + chemin))
                .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                .header("X-CSRF-TOKEN", jeton)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray())));
    }

    private Reponse envoyer(HttpRequest.Builder requete) throws Indisponible, IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(requete.timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new Indisponible(e.toString(), true);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Indisponible(e.toString());
        }
        if (r.statusCode() >= 500) {
            throw new Indisponible(r.request().method() + " " + r.uri().getPath() + " : " + r.statusCode());
        }
        return new Reponse(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
    }

    /** The target of a 302; a redirect to the sign-in page or a 403 (CSRF token of a lost session) is a lost session. */
    static String redirection(Reponse r, String quoi) throws SessionPerdue {
        if (r.statut() == 403 || r.statut() == 302 && r.location().endsWith("/connexion")) {
            throw new SessionPerdue(quoi + " : " + r.statut());
        }
        if (r.statut() != 302) {
            throw new AssertionError(quoi + " : réponse " + r.statut() + " au lieu d’une redirection\n"
                    + r.corps().substring(0, Math.min(2000, r.corps().length())));
        }
        return r.location();
    }

    static String csrf(Reponse page) {
        Matcher m = CSRF.matcher(page.corps());
        if (!m.find()) {
            throw new AssertionError("Pas de jeton CSRF dans la page");
        }
        return m.group(1);
    }
}
