package fr.gouv.guichet.socle.web;

import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Warms the public pages (templates parsed, security and MVC initialized, shared layout rendered) by requesting them
 * from this instance through its own port, as a visitor would. Without a web server (mock tests) there is nothing to do.
 * A page with a form opens a session (its CSRF token): that session is deleted at once (ADR 0033), so that no
 * warm-up session waits in {@code spring_session} for its expiry.
 */
@Component
class PrechauffagePages implements Prechauffage {

    private static final List<String> PAGES = List.of("/", "/connexion", "/agent/connexion");

    private final Environment env;
    private final SessionRepository<?> sessions;
    private final String cookieSession;

    PrechauffagePages(Environment env, SessionRepository<?> sessions,
                      @Value("${server.servlet.session.cookie.name:GUICHET_SESSION}") String cookieSession) {
        this.env = env;
        this.sessions = sessions;
        this.cookieSession = cookieSession;
    }

    @Override
    public String nom() {
        return "pages publiques";
    }

    @Override
    public void prechauffer() throws IOException, InterruptedException {
        int port = env.getProperty("local.server.port", Integer.class, 0);
        if (port <= 0) {
            return;
        }
        String contexte = env.getProperty("server.servlet.context-path", "");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (String page : PAGES) {
                HttpResponse<Void> reponse = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + contexte + page)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                supprimerSessionOuverte(reponse);
                if (reponse.statusCode() != 200) {
                    throw new IOException("Préchauffage : " + page + " a répondu " + reponse.statusCode());
                }
            }
        }
    }

    /** The session the page opened, if any (cookie value: the session id in Base64, Spring Session's default). */
    private void supprimerSessionOuverte(HttpResponse<?> reponse) {
        for (String cookie : reponse.headers().allValues("Set-Cookie")) {
            if (cookie.startsWith(cookieSession + "=")) {
                String valeur = cookie.substring(cookieSession.length() + 1).split(";", 2)[0];
                if (!valeur.isEmpty()) {
                    sessions.deleteById(identifiant(valeur));
                }
            }
        }
    }

    static String identifiant(String valeurCookie) {
        try {
            return new String(Base64.getDecoder().decode(valeurCookie), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return valeurCookie; // a serializer without Base64
        }
    }
}
