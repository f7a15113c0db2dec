package fr.gouv.guichet.socle.embarque;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
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
 * Configuring a real PostgreSQL or SMTP server switches the corresponding embedded service off.
 */
public class ServicesEmbarquesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** One embedded server per data directory and JVM (test contexts share it). */
    private static final Map<String, EmbeddedPostgres> SERVEURS = new ConcurrentHashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
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
        if (!props.isEmpty()) {
            env.getPropertySources().addLast(new MapPropertySource("guichetServicesEmbarques", props));
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
                return EmbeddedPostgresLauncher.start(dataDir, ephemere, port);
            } catch (IOException e) {
                throw new UncheckedIOException("Impossible de démarrer le PostgreSQL embarqué", e);
            }
        });
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
