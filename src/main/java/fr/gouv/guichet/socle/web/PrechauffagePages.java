package fr.gouv.guichet.socle.web;

import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Warms the public pages (templates parsed, security and MVC initialized, shared layout rendered) by requesting them
 * from this instance through its own port, as a visitor would. Without a web server (mock tests) there is nothing to do.
 */
@Component
class PrechauffagePages implements Prechauffage {

    private static final List<String> PAGES = List.of("/", "/connexion", "/agent/connexion");

    private final Environment env;

    PrechauffagePages(Environment env) {
        this.env = env;
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
                if (reponse.statusCode() != 200) {
                    throw new IOException("Préchauffage : " + page + " a répondu " + reponse.statusCode());
                }
            }
        }
    }
}
