package fr.gouv.guichet.resilience;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.gouv.guichet.resilience.ClientUsager.Depot;
import fr.gouv.guichet.resilience.ClientUsager.Envoi;
import fr.gouv.guichet.resilience.Infrastructure.Application;
import fr.gouv.guichet.resilience.Infrastructure.Postgres;
import fr.gouv.guichet.support.DossiersDeTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash tests (issue 5, item 3), on the packaged jar run as child processes, a PostgreSQL and an SMTP server that
 * outlive them.
 *
 * <p>1. Under a stream of submissions through the real pages, the application is killed with SIGKILL 10 times and
 * PostgreSQL is stopped in immediate mode 5 times. Afterwards every dossier number a usager was shown exists once,
 * deposited, with all its answers; every file whose upload was confirmed is recorded once with its SHA-256 and
 * stored intact; no number twice; and each deposited dossier's récépissé is e-mailed exactly once (outbox + job).
 *
 * <p>2. Two instances on the same database: a usager's session moves from one to the other (and survives the first
 * one's death); a scheduled job triggered five times runs five times in all, never on both instances.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

    private static final String MOT_DE_PASSE = "Phrase de passe des tests 2026";
    private static final String PLAN_DES_PANNES = "KKPKKPKKPKKPKKP"; // K: kill -9 of the JVM, P: PostgreSQL stopped immediately
    private static final int CLIENTS = 3;
    private static final long GRAINE = 20261123L;

    private static Path racine;
    private static Postgres postgres;
    private static GreenMail smtp;
    private static int portSmtp;
    private static String empreinteMotDePasse;
    private static final List<Application> applications = new CopyOnWriteArrayList<>();
    private static final StringBuilder rapport = new StringBuilder();
    /** When each kill -9 or PostgreSQL stop happened (the database is shared by both tests). */
    private static final List<Instant> PANNES = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void demarrerPostgresEtSmtp() throws Exception {
        racine = Infrastructure.repertoireProjet().resolve("target/crash-it");
        Infrastructure.supprimer(racine);
        Files.createDirectories(racine);
        postgres = new Postgres(racine.resolve("postgres"), Infrastructure.portLibre());
        postgres.demarrer();
        portSmtp = Infrastructure.portLibre();
        smtp = new GreenMail(new ServerSetup(portSmtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        empreinteMotDePasse = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(MOT_DE_PASSE);
    }

    @AfterAll
    static void arreter() throws Exception {
        for (Application a : applications) {
            a.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (racine != null) {
            Files.writeString(racine.resolve("rapport.txt"), rapport);
        }
        System.out.println(rapport);
    }

    private static List<String> arguments() {
        return List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + portSmtp,
                "--guichet.stockage.repertoire=" + racine.resolve("fichiers"),
                "--guichet.outbox.relance-apres=PT2S",
                "--guichet.outbox.intervalle=PT2S",
                "--db-scheduler.polling-interval=1s",
                // Base externe : coordonnées fictives des services, sinon aucune démarche n'est proposée (issue 11, point 4).
                "--guichet.services.coordonnees-fictives=true",
                // Quelques comptes déposent en boucle (une pièce par dossier) : les quotas par compte (issue 10, point 9)
                // sont éprouvés par QuotasIntegrationTest, pas ici.
                "--guichet.quotas.televersements-par-heure=100000",
                "--guichet.quotas.brouillons-par-compte=100000",
                // Un envoi réservé par une instance tuée est repris vite, comme l'outbox ci-dessus (défaut : 10 min).
                "--guichet.courriel.reprise-apres=PT15S");
    }

    private static Application application(String nom) {
        List<String> arguments = new ArrayList<>(arguments());
        arguments.add("--db-scheduler.scheduler-name=" + nom); // picked_by in scheduled_tasks (default: the host name)
        Application a = new Application(nom, Infrastructure.portLibre(), racine.resolve("journal-" + nom + ".log"), arguments);
        applications.add(a);
        return a;
    }

    private static String creerUsager() throws Exception {
        String email = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        try (Connection c = postgres.connexion(); PreparedStatement s = c.prepareStatement(
                "insert into usager (email, mot_de_passe, active, active_le, code_departement) values (?, ?, true, now(), '83')")) {
            s.setString(1, email);
            s.setString(2, empreinteMotDePasse);
            s.executeUpdate();
        }
        return email;
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void sousUnFluxDeDepots_kill9EtArretsImmediatsDePostgres_rienNEstPerduNiDouble() throws Exception {
        Instant debut = Instant.now();
        Application app = application("A");
        try {
            fluxSousPannes(app, debut);
        } finally {
            app.close(); // the second test must not find this instance still running
        }
    }

    private void fluxSousPannes(Application app, Instant debut) throws Exception {
        app.demarrer();
        List<Duration> demarrages = new ArrayList<>(List.of(app.dernierDemarrage()));

        List<ClientUsager> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new ClientUsager(app::url, creerUsager(), MOT_DE_PASSE, DossiersDeTest.reponsesValides(), GRAINE + i));
        }
        Queue depots = new Queue();
        List<Envoi> envois = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean arret = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> flux = new ArrayList<>();
        for (ClientUsager client : clients) {
            flux.add(pool.submit(() -> {
                client.reprendre(client::seConnecter);
                while (!arret.get()) {
                    depots.add(client.soumettre(envois));
                }
                return null;
            }));
        }

        Random aleas = new Random(GRAINE);
        for (char panne : PLAN_DES_PANNES.toCharArray()) {
            attendreDesDepots(depots, flux, 1 + aleas.nextInt(2), Duration.ofSeconds(120));
            Thread.sleep(300 + aleas.nextInt(1500));
            PANNES.add(Instant.now());
            if (panne == 'K') {
                app.kill9();
                app.demarrer();
                demarrages.add(app.dernierDemarrage());
            } else {
                postgres.arretImmediat();
                Thread.sleep(aleas.nextInt(1500));
                postgres.demarrer();
                app.attendreSante(Duration.ofSeconds(90));
            }
        }
        attendreDesDepots(depots, flux, 2, Duration.ofSeconds(120));
        arret.set(true);
        for (Future<?> f : flux) {
            f.get(4, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<Depot> vus = depots.tous();
        Duration duree = Duration.between(debut, Instant.now());
        int reprises = clients.stream().mapToInt(c -> c.reprises.get()).sum();
        int reconnexions = clients.stream().mapToInt(c -> c.reconnexions.get()).sum();
        long nonConfirmes = envois.stream().filter(e -> !e.confirme()).count();

        assertThat(app.kills()).isGreaterThanOrEqualTo(10);
        assertThat(postgres.arretsImmediats()).isGreaterThanOrEqualTo(5);
        assertThat(vus).hasSizeGreaterThanOrEqualTo(PLAN_DES_PANNES.length());

        VerificationDepots.verifierDepots(postgres, vus);
        VerificationDepots.verifierFichiers(postgres, racine, envois);
        RecepissesRecus.Recepisses courriels = RecepissesRecus.verifierUneFois(postgres, smtp, Duration.ofSeconds(60), PANNES);

        rapport.append("""
                Essai 1 — flux de dépôts sous pannes
                  kill -9 de l’application : %d ; arrêts immédiats de PostgreSQL : %d ; clients : %d
                  dépôts vus par les usagers : %d (dossiers déposés en base : %d) ; pièces confirmées : %d, non confirmées : %d
                  requêtes reprises après panne : %d ; reconnexions : %d
                  démarrages de l’application (s) : %s
                  récépissés : %d dossiers, %d courriels ; renvoyés parce qu’une panne a suivi l’envoi accepté de moins de 3 s : %d
                  durée : %d s
                """.formatted(app.kills(), postgres.arretsImmediats(), CLIENTS, vus.size(), courriels.dossiers(),
                envois.size() - nonConfirmes, nonConfirmes, reprises, reconnexions,
                demarrages.stream().map(d -> String.valueOf(d.toMillis() / 1000.0)).toList(),
                courriels.dossiers(), courriels.courriels(), courriels.renvoisApresPanne(), duree.toSeconds()));
    }

    /** Deposits seen by the clients, in a thread-safe list. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<Depot> depots = new ConcurrentLinkedQueue<>();

        void add(Depot d) {
            depots.add(d);
        }

        int taille() {
            return depots.size();
        }

        List<Depot> tous() {
            return List.copyOf(depots);
        }
    }

    private static void attendreDesDepots(Queue depots, List<Future<?>> flux, int nombre, Duration delai) throws Exception {
        int cible = depots.taille() + nombre;
        Instant limite = Instant.now().plus(delai);
        while (depots.taille() < cible) {
            for (Future<?> f : flux) {
                if (f.isDone()) {
                    f.get(); // a client failed: report why
                }
            }
            if (Instant.now().isAfter(limite)) {
                throw new AssertionError("Aucun nouveau dépôt depuis " + delai);
            }
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void deuxInstances_laSessionPasseDeLUneALAutre_etUneTachePlanifieeNeTourneQuUneFois() throws Exception {
        Instant debut = Instant.now();
        Application a = application("B1");
        Application b = application("B2");
        try {
            deuxInstances(a, b, debut);
        } finally {
            a.close();
            b.close();
        }
    }

    private void deuxInstances(Application a, Application b, Instant debut) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> demarrageA = pool.submit(() -> {
            a.demarrer();
            return null;
        });
        Future<?> demarrageB = pool.submit(() -> {
            b.demarrer();
            return null;
        });
        demarrageA.get(3, TimeUnit.MINUTES);
        demarrageB.get(3, TimeUnit.MINUTES);
        pool.shutdown();

        // The session: signed in on A, used on B (a whole submission), back on A, then B alone after A's death.
        AtomicReference<String> instance = new AtomicReference<>(a.url());
        ClientUsager usager = new ClientUsager(instance::get, creerUsager(), MOT_DE_PASSE, DossiersDeTest.reponsesValides(), GRAINE);
        usager.reprendre(usager::seConnecter);
        instance.set(b.url());
        NavigationHttp.Reponse espaceSurB = usager.get("/usager");
        assertThat(espaceSurB.statut()).as("espace usager sur B avec la session ouverte sur A").isEqualTo(200);
        List<Envoi> envois = Collections.synchronizedList(new ArrayList<>());
        List<Depot> depots = new ArrayList<>();
        depots.add(usager.soumettre(envois));
        instance.set(a.url());
        depots.add(usager.soumettre(envois));
        assertThat(usager.reconnexions.get()).as("connexions : une seule, sur A").isEqualTo(1);

        // The scheduled job: "compte-purge" (hourly, logs each run) made due five times while both instances poll.
        int avantA = lignes(a.journal(), "Purge des comptes");
        int avantB = lignes(b.journal(), "Purge des comptes");
        int declenchements = 5;
        for (int i = 0; i < declenchements; i++) {
            Instant dernierSucces = dernierSucces("compte-purge");
            try (Connection c = postgres.connexion(); PreparedStatement s = c.prepareStatement(
                    "update scheduled_tasks set execution_time = now() where task_name = 'compte-purge' and picked = false")) {
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            Instant limite = Instant.now().plusSeconds(30);
            while (java.util.Objects.equals(dernierSucces("compte-purge"), dernierSucces)) {
                assertThat(Instant.now()).as("exécution de compte-purge").isBefore(limite);
                Thread.sleep(100);
            }
            System.out.println("compte-purge déclenchée " + (i + 1) + " : dernier succès " + dernierSucces + " → " + dernierSucces("compte-purge"));
        }
        Thread.sleep(3000); // both instances poll every second: a second run would have happened by now
        int surA = lignes(a.journal(), "Purge des comptes") - avantA;
        int surB = lignes(b.journal(), "Purge des comptes") - avantB;
        assertThat(surA + surB).as("exécutions de compte-purge (A : %d, B : %d)", surA, surB).isEqualTo(declenchements);

        // A dies: the same cookie still works on B.
        PANNES.add(Instant.now());
        a.kill9();
        instance.set(b.url());
        assertThat(usager.get("/usager/dossiers").statut()).as("session sur B après la mort de A").isEqualTo(200);
        depots.add(usager.soumettre(envois));
        assertThat(usager.reconnexions.get()).as("aucune reconnexion").isEqualTo(1);

        VerificationDepots.verifierDepots(postgres, depots);
        VerificationDepots.verifierFichiers(postgres, racine, envois);
        RecepissesRecus.verifierUneFois(postgres, smtp, Duration.ofSeconds(60), PANNES);

        rapport.append("""
                Essai 2 — deux instances sur la même base
                  session ouverte sur A, utilisée sur B, puis sur A, puis sur B après kill -9 de A : 1 connexion, %d dépôts
                  compte-purge déclenchée %d fois : %d exécution(s) sur A, %d sur B
                  durée : %d s
                """.formatted(depots.size(), declenchements, surA, surB, Duration.between(debut, Instant.now()).toSeconds()));
    }

    private static Instant dernierSucces(String tache) throws Exception {
        try (Connection c = postgres.connexion(); PreparedStatement s = c.prepareStatement(
                "select last_success from scheduled_tasks where task_name = ?")) {
            s.setString(1, tache);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private static int lignes(Path journal, String texte) throws IOException {
        try (Stream<String> l = Files.lines(journal, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return (int) l.filter(s -> s.contains(texte)).count();
        }
    }
}
