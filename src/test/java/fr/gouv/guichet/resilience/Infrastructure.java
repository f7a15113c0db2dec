package fr.gouv.guichet.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the crash tests run outside the application: a PostgreSQL that outlives the application (zonky binaries,
 * fixed data directory and port, stoppable in immediate mode) and the application itself as a child process of the
 * packaged jar (killable with SIGKILL).
 */
final class Infrastructure {

    private Infrastructure() {
    }

    static Path repertoireProjet() {
        return Path.of(System.getProperty("guichet.project.dir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    static int portLibre() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void supprimer(Path repertoire) throws IOException {
        if (!Files.exists(repertoire)) {
            return;
        }
        try (Stream<Path> chemins = Files.walk(repertoire)) {
            for (Path p : chemins.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A PostgreSQL 18 on a fixed data directory and port, in the test JVM: it survives the application's deaths. */
    static final class Postgres implements AutoCloseable {

        private final Path donnees;
        private final int port;
        private EmbeddedPostgres serveur;
        private int arretsImmediats;

        Postgres(Path donnees, int port) {
            this.donnees = donnees;
            this.port = port;
        }

        void demarrer() throws IOException {
            serveur = EmbeddedPostgres.builder()
                    .setDataDirectory(donnees)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }

        Connection connexion() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), "postgres", "");
        }

        /**
         * {@code pg_ctl stop -m immediate} with the zonky binaries (through {@code unshare -U} as root, as zonky runs
         * them): the postmaster quits without a checkpoint, as after a power cut, and recovers from its WAL on restart.
         */
        void arretImmediat() throws Exception {
            long pid = Long.parseLong(Files.readAllLines(donnees.resolve("postmaster.pid")).getFirst().strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            Path postgres = Path.of(postmaster.info().command().orElseThrow());
            Path pgCtl = postgres.resolveSibling("pg_ctl");
            List<String> commande = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                commande.addAll(List.of("unshare", "-U"));
            }
            commande.addAll(List.of(pgCtl.toString(), "-D", donnees.toString(), "stop", "-m", "immediate", "-w"));
            Process p = new ProcessBuilder(commande).redirectErrorStream(true).start();
            String sortie = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl stop -m immediate a échoué : " + sortie);
            }
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            // Releases zonky's lock on the data directory (its own "stop" fails: the server is already gone).
            try {
                serveur.close();
            } catch (IOException ignoree) {
                // the server is stopped already
            }
            arretsImmediats++;
        }

        int arretsImmediats() {
            return arretsImmediats;
        }

        @Override
        public void close() throws IOException {
            if (serveur != null) {
                serveur.close();
            }
        }
    }

    /** Guichet as a child process of {@code java -jar target/guichet-*.jar}, on the test JVM's own JDK. */
    static final class Application implements AutoCloseable {

        private final String nom;
        private final int port;
        private final List<String> arguments;
        private final Path journal;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private Process processus;
        private int demarrages;
        private int kills;
        private Duration dernierDemarrage = Duration.ZERO;

        Application(String nom, int port, Path journal, List<String> arguments) {
            this.nom = nom;
            this.port = port;
            this.journal = journal;
            this.arguments = arguments;
        }

        static Path jar() throws IOException {
            try (Stream<Path> fichiers = Files.list(repertoireProjet().resolve("target"))) {
                return fichiers.filter(p -> p.getFileName().toString().matches("guichet-.*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Jar introuvable sous target/ : lancer « ./mvnw verify » (phase package)"));
            }
        }

        static String java() {
            return ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        int port() {
            return port;
        }

        void demarrer() throws Exception {
            Instant debut = Instant.now();
            List<String> commande = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djava.security.egd=file:/dev/./urandom", "-jar", jar().toString(),
                    "--server.port=" + port, "--guichet.embarque.fournisseur-identite.port=0", "--guichet.url-publique=" + url()));
            commande.addAll(arguments);
            Files.createDirectories(journal.getParent());
            Files.writeString(journal, "\n===== démarrage " + (demarrages + 1) + " de " + nom + " =====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            processus = new ProcessBuilder(commande).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(journal.toFile())).start();
            demarrages++;
            attendreSante(Duration.ofSeconds(120));
            dernierDemarrage = Duration.between(debut, Instant.now());
        }

        /** Waits until {@code /actuator/health} answers UP (database and mail server reachable). */
        void attendreSante(Duration delai) throws Exception {
            Instant limite = Instant.now().plus(delai);
            while (Instant.now().isBefore(limite)) {
                if (processus != null && !processus.isAlive()) {
                    throw new IllegalStateException(nom + " s’est arrêté au démarrage (code " + processus.exitValue()
                            + "), voir " + journal);
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            vidageDesThreads();
            throw new IllegalStateException(nom + " n’est pas prêt après " + delai + ", voir " + journal + " (threads à la fin)");
        }

        /** Appends the stuck JVM's threads to its log (jcmd of the same JDK). */
        private void vidageDesThreads() {
            if (processus == null || !processus.isAlive()) {
                return;
            }
            try {
                Path jcmd = Path.of(java()).resolveSibling("jcmd");
                new ProcessBuilder(jcmd.toString(), String.valueOf(processus.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(journal.toFile())).start().waitFor(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // diagnostics only
            }
        }

        /** SIGKILL: no shutdown hook, no connection closed, no transaction finished. */
        void kill9() throws Exception {
            processus.destroyForcibly();
            if (!processus.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(nom + " survit à SIGKILL");
            }
            kills++;
        }

        int kills() {
            return kills;
        }

        Duration dernierDemarrage() {
            return dernierDemarrage;
        }

        Path journal() {
            return journal;
        }

        Optional<Process> processus() {
            return Optional.ofNullable(processus);
        }

        @Override
        public void close() throws Exception {
            if (processus != null && processus.isAlive()) {
                processus.destroy();
                if (!processus.waitFor(30, TimeUnit.SECONDS)) {
                    processus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
