package fr.gouv.guichet.socle.embarque;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the embedded PostgreSQL 18 (zonky binaries from Maven; as root, zonky runs it in a user namespace).
 * A data directory left by a JVM killed with -9 still has its postmaster running: it is stopped first.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {
    }

    static EmbeddedPostgres start(Path dataDirectory, boolean ephemeral, int port) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        if (!ephemeral) {
            stopOrphanedServer(dataDirectory);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(ephemeral)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by a Spring shutdown handler, after every application context is closed (not before,
                // which left requests and scheduled tasks failing on a dead database for 30 s at each stop).
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("listen_addresses", "localhost");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static void stopOrphanedServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().strip()));
            if (postmaster.isPresent() && postmaster.get().isAlive()
                    && postmaster.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
                log.warn("PostgreSQL embarqué : serveur orphelin (pid {}) arrêté avant redémarrage", postmaster.get().pid());
                postmaster.get().destroy();
                postmaster.get().onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("PostgreSQL embarqué : serveur orphelin non arrêté ({}) : {}", pidFile, e.getMessage());
        }
    }
}
