package fr.gouv.guichet.socle.embarque;

import fr.gouv.fauxidp.FauxFournisseurIdentite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded defaults: when no {@code spring.datasource.url} is configured, starts an embedded PostgreSQL 18 and
 * points the datasource at it; when no {@code spring.mail.host} is configured, points mail at the embedded
 * SMTP server (GreenMail, started by {@code notification}) and sets {@code guichet.embarque.mail=true}.
 * When no FranceConnect / ProConnect client is configured ({@code spring.security.oauth2.client.registration.
 * franceconnect.client-id}, {@code ...proconnect.client-id}), starts the demonstration identity provider
 * ({@code fr.gouv.fauxidp}, its own Spring context, port {@code guichet.embarque.fournisseur-identite.port}, 9000 by
 * default, 0 = free) and points the missing registrations at it.
 * Configuring a real PostgreSQL, SMTP server or identity provider switches the corresponding embedded service off.
 * As soon as one embedded service runs, Guichet listens on the loopback interface only ({@code server.address=127.0.0.1})
 * unless {@code server.address} is configured: the embedded default is a trial on one's own machine.
 */
public class ServicesEmbarquesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** One embedded server per data directory and JVM (test contexts share it). */
    private static final Map<String, EmbeddedPostgres> SERVEURS = new ConcurrentHashMap<>();

    /** One demonstration identity provider per configured port and JVM (test contexts share it). */
    private static final Map<Integer, FauxFournisseurIdentite> FOURNISSEURS = new HashMap<>();
    private static final Map<Integer, Integer> UTILISATEURS = new HashMap<>();

    /** Address the embedded default listens on when {@code server.address} is not configured. */
    public static final String BOUCLAGE = "127.0.0.1";

    private static final String REGISTRATION = "spring.security.oauth2.client.registration.";
    private static final String PROVIDER = "spring.security.oauth2.client.provider.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty(FauxFournisseurIdentite.MARQUEUR)) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        if (!env.containsProperty("spring.datasource.url")) {
            EmbeddedPostgres pg = demarrerPostgres(env);
            props.put("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
            props.put("guichet.embarque.base", "true");
        }
        if (!env.containsProperty("spring.mail.host")) {
            int port = env.getProperty("guichet.embarque.mail.port", Integer.class, 3025);
            if (port == 0) {
                port = portLibre();
            }
            props.put("spring.mail.host", "127.0.0.1");
            props.put("spring.mail.port", String.valueOf(port));
            props.put("guichet.embarque.mail", "true");
        }
        boolean fc = !env.containsProperty(REGISTRATION + "franceconnect.client-id");
        boolean proConnect = !env.containsProperty(REGISTRATION + "proconnect.client-id");
        if (fc || proConnect) {
            FauxFournisseurIdentite fournisseur = demarrerFournisseurIdentite(env, application);
            if (fc) {
                props.put(PROVIDER + "franceconnect.issuer-uri", fournisseur.issuerFc());
                props.put(REGISTRATION + "franceconnect.client-id", CLIENT_FC);
                props.put(REGISTRATION + "franceconnect.client-secret", SECRET_FC);
            }
            if (proConnect) {
                props.put(PROVIDER + "proconnect.issuer-uri", fournisseur.issuerProConnect());
                props.put(REGISTRATION + "proconnect.client-id", CLIENT_PROCONNECT);
                props.put(REGISTRATION + "proconnect.client-secret", SECRET_PROCONNECT);
            }
            props.put("guichet.embarque.fournisseur-identite", "true");
        }
        if (!props.isEmpty() && !env.containsProperty("server.address")) {
            // Embedded default (a trial on one's own machine): reachable from this machine only, unless told otherwise.
            props.put("server.address", BOUCLAGE);
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addLast(new MapPropertySource("guichetServicesEmbarques", props));
        } else {
            exigerAdressePublique(env);
        }
    }

    /**
     * Outside the embedded default (database, mail and identity providers all configured), documents and e-mails
     * must carry the real public address: without {@code GUICHET_URL_PUBLIQUE}, they would print
     * {@code http://localhost:…}. Stop the start with a clear message instead.
     */
    private static void exigerAdressePublique(ConfigurableEnvironment env) {
        String url = env.getProperty("guichet.url-publique", "");
        String hote;
        try {
            java.net.URI uri = java.net.URI.create(url);
            hote = uri.getScheme() != null && uri.getScheme().matches("https?") ? uri.getHost() : null;
        } catch (IllegalArgumentException e) {
            hote = null;
        }
        if (hote == null || hote.equals("localhost") || hote.startsWith("127.") || hote.equals("[::1]") || hote.equals("::1")) {
            throw new IllegalStateException("GUICHET_URL_PUBLIQUE doit donner l’adresse publique de Guichet (par exemple "
                    + "https://guichet.exemple.gouv.fr) : la base, le courrier et les fournisseurs d’identité sont configurés, "
                    + "mais l’adresse publique vaut « " + url + " », et les documents et courriels porteraient cette adresse.");
        }
    }

    private static void arreterPostgres(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Arrêt du PostgreSQL embarqué impossible", e);
        }
    }

    private static EmbeddedPostgres demarrerPostgres(ConfigurableEnvironment env) {
        boolean ephemere = env.getProperty("guichet.embarque.base.ephemere", Boolean.class, false);
        String repertoire = env.getProperty("guichet.data-dir", "./data");
        int port = env.getProperty("guichet.embarque.base.port", Integer.class, 0);
        String cle = ephemere ? "ephemere" : Path.of(repertoire).toAbsolutePath().normalize().toString();
        return SERVEURS.computeIfAbsent(cle, k -> {
            try {
                Path dataDir = ephemere
                        ? Files.createTempDirectory("guichet-pg-").resolve("data")
                        : Path.of(repertoire).toAbsolutePath().normalize().resolve("postgres");
                EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dataDir, ephemere, port);
                // Run by Spring's shutdown hook once all contexts are closed (in-flight requests drained, pool closed).
                SpringApplication.getShutdownHandlers().add(() -> arreterPostgres(pg));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Impossible de démarrer le PostgreSQL embarqué", e);
            }
        });
    }

    private static final String CLIENT_FC = "guichet-demonstration-fc";
    private static final String SECRET_FC = "secret-de-demonstration-franceconnect-0123456789";
    private static final String CLIENT_PROCONNECT = "guichet-demonstration-proconnect";
    private static final String SECRET_PROCONNECT = "secret-de-demonstration-proconnect-0123456789";

    /**
     * Starts the provider (or reuses the one of this port) for this application; it is closed with the last
     * application context using it (or at the end of the JVM, by its own shutdown hook).
     */
    private static FauxFournisseurIdentite demarrerFournisseurIdentite(ConfigurableEnvironment env, SpringApplication application) {
        int port = env.getProperty("guichet.embarque.fournisseur-identite.port", Integer.class, 9000);
        synchronized (FOURNISSEURS) {
            FauxFournisseurIdentite fournisseur = FOURNISSEURS.computeIfAbsent(port, p -> FauxFournisseurIdentite.demarrer(p,
                    CLIENT_FC, SECRET_FC, CLIENT_PROCONNECT, SECRET_PROCONNECT, originePublique(env)));
            UTILISATEURS.merge(port, 1, Integer::sum);
            application.addListeners(new Liberation(port));
            return fournisseur;
        }
    }

    /** Typed listener (a lambda would be called with every event of the context). */
    private record Liberation(int port) implements ApplicationListener<ContextClosedEvent> {
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            liberer(port);
        }
    }

    private static void liberer(int port) {
        synchronized (FOURNISSEURS) {
            if (UTILISATEURS.merge(port, -1, Integer::sum) <= 0) {
                UTILISATEURS.remove(port);
                FauxFournisseurIdentite fournisseur = FOURNISSEURS.remove(port);
                if (fournisseur != null) {
                    fournisseur.close();
                }
            }
        }
    }

    /** The public origin of Guichet when it is already known (tests only know their port later: loopback is accepted). */
    private static String originePublique(ConfigurableEnvironment env) {
        try {
            String url = env.getProperty("guichet.url-publique", "http://localhost:8080");
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (RuntimeException e) {
            return "http://localhost:8080";
        }
    }

    private static int portLibre() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
