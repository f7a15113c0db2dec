package fr.gouv.guichet.deploiement;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be tested of {@code deploy/Dockerfile} without a container engine: its layer extraction command is run
 * on the packaged jar, its {@code COPY} lines rebuild {@code /app}, and its exact {@code ENTRYPOINT} starts Guichet
 * (embedded default) as the image's user, in a private mount namespace where the root file system is read-only and
 * only {@code /tmp} is writable (a tmpfs), as with {@code readOnlyRootFilesystem} and the {@code emptyDir} of
 * deploy/kubernetes. Then SIGTERM, and the stop time is measured.
 */
class DockerfileIT {

    private static final Path PROJET = Path.of(System.getProperty("guichet.project.dir", ".")).toAbsolutePath();

    @Test
    void les_couches_s_extraient_et_l_image_demarre_non_root_sur_une_racine_en_lecture_seule() throws Exception {
        List<String> lignes = Files.readAllLines(PROJET.resolve("deploy/Dockerfile")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(lignes.stream().filter(l -> l.startsWith("FROM "))).allMatch(l -> l.startsWith("FROM eclipse-temurin:21-jre"));
        String utilisateur = ligne(lignes, "USER ").substring(5).split(":")[0];
        assertThat(Integer.parseInt(utilisateur)).as("utilisateur numérique non root").isGreaterThanOrEqualTo(10000);

        Path travail = Files.createDirectories(PROJET.resolve("target/image-test"));
        supprimer(travail);
        Path extraction = Files.createDirectories(travail.resolve("extraction"));
        Files.copy(jar(), extraction.resolve("guichet.jar"));
        List<String> extraire = new ArrayList<>(List.of(ligne(lignes, "RUN java ").substring(4).split(" ")));
        extraire.set(0, java());
        assertThat(executer(extraire, extraction)).isZero();

        Path app = Files.createDirectories(travail.resolve("app"));
        List<String> couches = new ArrayList<>();
        for (String copie : lignes.stream().filter(l -> l.startsWith("COPY --from=extraction ")).toList()) {
            String source = copie.split(" ")[2].replace("/extraction/", "");
            couches.add(source);
            Path dossier = extraction.resolve(source);
            assertThat(dossier).isDirectory();
            copier(dossier, app);
        }
        assertThat(couches).containsExactly("couches/dependencies/", "couches/spring-boot-loader/",
                "couches/snapshot-dependencies/", "couches/application/");
        assertThat(app.resolve("BOOT-INF/lib")).isDirectory();
        assertThat(app.resolve("BOOT-INF/classes/application.properties")).isRegularFile();
        assertThat(app.resolve("org/springframework/boot/loader/launch/JarLauncher.class")).isRegularFile();
        executer(List.of("chmod", "-R", "a+rX", travail.toString()), travail);

        String[] entree = new ObjectMapper().readValue(ligne(lignes, "ENTRYPOINT ").substring(11), String[].class);
        assertThat(entree[0]).isEqualTo("java");
        entree[0] = java();
        int port = portLibre();
        Map<String, String> env = new LinkedHashMap<>();
        lignes.stream().filter(l -> l.startsWith("ENV ")).forEach(l -> {
            String[] kv = l.substring(4).split("=", 2);
            env.put(kv[0], kv[1]);
        });
        env.put("PORT", String.valueOf(port));
        env.put("GUICHET_EMBARQUE_MAIL_PORT", "0");
        env.put("GUICHET_EMBARQUE_FOURNISSEUR_IDENTITE_PORT", "0");
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        // The image's user, as its useradd line makes it (initdb, for one, looks the user up).
        Path passwd = travail.resolve("passwd");
        Path group = travail.resolve("group");
        Files.writeString(passwd, Files.readString(Path.of("/etc/passwd"))
                + "guichet:x:" + utilisateur + ":" + utilisateur + "::/nonexistent:/usr/sbin/nologin\n");
        Files.writeString(group, Files.readString(Path.of("/etc/group")) + "guichet:x:" + utilisateur + ":\n");
        String commande = "mount --bind " + passwd + " /etc/passwd && mount --bind " + group + " /etc/group"
                // The image's /app, bound outside /tmp first: the project itself may live under /tmp (a CI clone there),
                // which the tmpfs below would hide.
                + " && mount --bind " + app + " /srv && mount -o remount,bind,ro /srv"
                + " && mount -t tmpfs -o size=1g,mode=1777 tmpfs /tmp && mount -o remount,bind,ro / && cd /srv"
                + " && exec setpriv --reuid " + utilisateur + " --regid " + utilisateur + " --clear-groups env -i PATH=/usr/bin:/bin "
                + env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
                + " " + String.join(" ", entree);
        Path journal = travail.resolve("guichet.log");
        Process guichet = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", commande)
                .redirectErrorStream(true).redirectOutput(journal.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long debut = System.nanoTime();
            int pret = 0;
            while (pret != 200) {
                assertThat(guichet.isAlive()).as(() -> lire(journal)).isTrue();
                assertThat(System.nanoTime() - debut).as("démarrage en moins de 3 minutes").isLessThan(Duration.ofMinutes(3).toNanos());
                Thread.sleep(500);
                pret = statut(http, "http://127.0.0.1:" + port + "/actuator/health/readiness");
            }
            System.out.printf("Image : prête en %d ms%n", Duration.ofNanos(System.nanoTime() - debut).toMillis());
            assertThat(statut(http, "http://127.0.0.1:" + port + "/actuator/health/liveness")).isEqualTo(200);
            assertThat(statut(http, "http://127.0.0.1:" + port + "/")).isEqualTo(200);
            String etat = Files.readString(Path.of("/proc/" + guichet.pid() + "/status"));
            assertThat(etat).containsPattern("(?m)^Uid:\\s+" + utilisateur + "\\s+" + utilisateur);
            String montages = Files.readString(Path.of("/proc/" + guichet.pid() + "/mountinfo"));
            assertThat(montages).containsPattern("(?m)^\\S+ \\S+ \\S+ / / ro[, ]");

            long arret = System.nanoTime();
            guichet.destroy(); // SIGTERM, as Kubernetes does
            assertThat(guichet.waitFor(60, TimeUnit.SECONDS)).as(() -> lire(journal)).isTrue();
            long duree = Duration.ofNanos(System.nanoTime() - arret).toMillis();
            System.out.printf("Image : arrêtée %d ms après SIGTERM (code %d)%n", duree, guichet.exitValue());
            assertThat(duree).as("arrêt dans le délai de grâce de deploy/kubernetes (40 s, dont 5 s de préStop)").isLessThan(35_000);
        } finally {
            if (guichet.isAlive()) {
                guichet.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String ligne(List<String> lignes, String debut) {
        List<String> trouvees = lignes.stream().filter(l -> l.startsWith(debut)).toList();
        assertThat(trouvees).as(debut).isNotEmpty();
        return trouvees.get(trouvees.size() - 1);
    }

    private static int statut(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int executer(List<String> commande, Path repertoire) throws Exception {
        Process p = new ProcessBuilder(commande).directory(repertoire.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    private static void copier(Path source, Path cible) throws IOException {
        try (Stream<Path> arbre = Files.walk(source)) {
            for (Path p : arbre.toList()) {
                Path vers = cible.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(vers);
                } else {
                    Files.copy(p, vers);
                }
            }
        }
    }

    private static void supprimer(Path dossier) throws IOException {
        try (Stream<Path> arbre = Files.walk(dossier)) {
            for (Path p : arbre.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dossier)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String lire(Path journal) {
        try {
            String texte = Files.readString(journal);
            return texte.substring(Math.max(0, texte.length() - 6000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> fichiers = Files.list(PROJET.resolve("target"))) {
            return fichiers.filter(p -> p.getFileName().toString().matches("guichet-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Jar introuvable sous target/ : lancer « ./mvnw verify » (phase package)"));
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int portLibre() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
