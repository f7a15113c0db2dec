package fr.gouv.guichet.resilience;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.gouv.guichet.resilience.ClientUsager.Depot;
import fr.gouv.guichet.resilience.ClientUsager.Envoi;
import fr.gouv.guichet.resilience.Infrastructure.Application;
import fr.gouv.guichet.resilience.Infrastructure.Postgres;
import fr.gouv.guichet.support.DossiersDeTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
                "--db-scheduler.polling-interval=1s");
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

        verifierDepots(vus);
        verifierFichiers(envois);
        Recepisses courriels = verifierRecepissesUneFois(Duration.ofSeconds(60), PANNES);

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

    /** Every number shown exists once, on the dossier it was shown for, deposited, with every answer sent. */
    private static void verifierDepots(List<Depot> vus) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> attendues = DossiersDeTest.reponsesValides();
        assertThat(vus.stream().map(Depot::numero).distinct().count()).as("numéros vus distincts").isEqualTo(vus.size());
        assertThat(vus.stream().map(Depot::dossierId).distinct().count()).as("dossiers vus distincts").isEqualTo(vus.size());
        try (Connection c = postgres.connexion()) {
            for (Depot vu : vus) {
                try (PreparedStatement s = c.prepareStatement("""
                        select d.id, d.etat, d.reponses::text, d.cle_validation::text, u.email,
                               (select count(*) from dossier_transition t where t.dossier_id = d.id and t.vers = 'DEPOSE')
                        from dossier d join usager u on u.id = d.usager_id where d.numero = ?""")) {
                    s.setString(1, vu.numero());
                    try (ResultSet rs = s.executeQuery()) {
                        assertThat(rs.next()).as("dossier %s en base", vu.numero()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(vu.dossierId());
                        assertThat(rs.getString(2)).as("état de %s", vu.numero()).isNotEqualTo("BROUILLON");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> reponses = json.readValue(rs.getString(3), Map.class);
                        attendues.forEach((champ, valeur) -> assertThat(String.valueOf(reponses.get(champ)))
                                .as("réponse %s du dossier %s", champ, vu.numero()).isEqualTo(String.valueOf(valeur)));
                        assertThat(rs.getString(4)).as("clé d’idempotence de %s", vu.numero()).isEqualTo(vu.cle());
                        assertThat(rs.getString(5)).isEqualTo(vu.email());
                        assertThat(rs.getInt(6)).as("transitions DEPOSE de %s", vu.numero()).isEqualTo(1);
                        assertThat(rs.next()).as("numéro %s deux fois", vu.numero()).isFalse();
                    }
                }
            }
            assertThat(entiers(c, "select count(*) from (select numero from dossier where numero is not null group by numero having count(*) > 1) x"))
                    .as("numéros en double").isZero();
            assertThat(entiers(c, """
                    select count(*) from dossier d where d.etat <> 'BROUILLON' and (d.numero is null
                      or (select count(*) from dossier_transition t where t.dossier_id = d.id and t.vers = 'DEPOSE') <> 1)"""))
                    .as("dossiers déposés sans numéro ou sans exactement une transition DEPOSE").isZero();
        }
    }

    /** Confirmed uploads are recorded once with their SHA-256; every recorded file is stored and hashes to it. */
    private static void verifierFichiers(List<Envoi> envois) throws Exception {
        Path stockage = racine.resolve("fichiers");
        Map<String, Path> stockes = new HashMap<>();
        try (Stream<Path> fichiers = Files.walk(stockage)) {
            fichiers.filter(Files::isRegularFile).forEach(p -> stockes.put(p.getFileName().toString(), p));
        }
        try (Connection c = postgres.connexion()) {
            for (Envoi envoi : List.copyOf(envois)) {
                try (PreparedStatement s = c.prepareStatement(
                        "select count(*) from piece_jointe where dossier_id = ? and sha256 = ? and nom = ?")) {
                    s.setLong(1, envoi.dossierId());
                    s.setString(2, envoi.sha256());
                    s.setString(3, envoi.nom());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (envoi.confirme()) {
                            assertThat(rs.getInt(1)).as("pièce confirmée %s", envoi.nom()).isEqualTo(1);
                        } else {
                            assertThat(rs.getInt(1)).as("pièce non confirmée %s", envoi.nom()).isLessThanOrEqualTo(1);
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select sha256, cle_stockage, taille from piece_jointe");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Path fichier = stockes.get(rs.getString(2));
                    assertThat(fichier).as("fichier stocké %s", rs.getString(2)).isNotNull();
                    assertThat(Files.size(fichier)).isEqualTo(rs.getLong(3));
                    assertThat(sha256(fichier)).as("SHA-256 du fichier %s", rs.getString(2)).isEqualTo(rs.getString(1));
                }
            }
        }
    }

    /** What the récépissé check found: dossiers, e-mails, and resendings explained by a crash right after sending. */
    record Recepisses(int dossiers, int courriels, int renvoisApresPanne) {
    }

    /**
     * Waits until every deposited dossier has its récépissé and the outbox is empty, lets the retry job run a few
     * more times, then checks each deposited dossier got its récépissé, to its usager, once.
     *
     * <p>One exception, inherent to any SMTP sending: if the process or the database dies between the SMTP server's
     * acceptance and the commit that records the sending, the outbox sends it again. Such a second copy is accepted
     * only if one of the {@code pannes} happened at most 3 s after the first one arrived, before the second; any other
     * duplicate fails.
     */
    private static Recepisses verifierRecepissesUneFois(Duration delai, List<Instant> pannes) throws Exception {
        Instant limite = Instant.now().plus(delai);
        Map<String, String> deposes;
        while (true) {
            deposes = dossiersDeposes();
            Map<String, List<Recu>> recus = recepisses();
            int enAttente;
            try (Connection c = postgres.connexion()) {
                enAttente = entiers(c, "select count(*) from event_publication where completion_date is null");
            }
            if (enAttente == 0 && recus.keySet().containsAll(deposes.keySet())) {
                break;
            }
            if (Instant.now().isAfter(limite)) {
                Set<String> manquants = new HashSet<>(deposes.keySet());
                manquants.removeAll(recus.keySet());
                throw new AssertionError("Après " + delai + " : récépissés manquants " + manquants + ", publications en attente "
                        + enAttente);
            }
            Thread.sleep(500);
        }
        Thread.sleep(6000); // three more runs of the retry job: a late duplicate would show up
        Map<String, List<Recu>> recus = recepisses();
        int courriels = 0;
        int renvois = 0;
        for (Map.Entry<String, String> d : deposes.entrySet()) {
            List<Recu> copies = recus.get(d.getKey());
            assertThat(copies).as("récépissés du dossier %s", d.getKey()).isNotEmpty();
            courriels += copies.size();
            for (Recu copie : copies) {
                assertThat(copie.destinataire()).as("destinataire du récépissé %s", d.getKey()).isEqualToIgnoringCase(d.getValue());
                // The same message for the mailbox, however many times a crash made the outbox send it.
                assertThat(copie.messageId()).as("Message-ID du récépissé %s", d.getKey())
                        .isEqualTo("<recepisse." + d.getKey() + "@guichet.interieur.gouv.fr>");
            }
            for (int i = 0; i + 1 < copies.size(); i++) {
                Instant premiere = copies.get(i).recuLe();
                Instant suivante = copies.get(i + 1).recuLe();
                // A crash between the two copies, at most 3 s after the first one was accepted ("Received:" is to the second).
                boolean expliquee = pannes.stream().anyMatch(p -> !p.isBefore(premiere.minusSeconds(1))
                        && !p.isAfter(premiere.plusSeconds(3)) && !suivante.isBefore(p.minusSeconds(1)));
                assertThat(expliquee).as("récépissé du dossier %s envoyé %d fois sans panne juste après l’envoi (reçus %s, pannes %s)",
                        d.getKey(), copies.size(), copies.stream().map(Recu::recuLe).toList(), pannes).isTrue();
                renvois++;
            }
        }
        assertThat(recus.keySet()).as("récépissés de dossiers inconnus").isSubsetOf(deposes.keySet());
        return new Recepisses(deposes.size(), courriels, renvois);
    }

    /** A récépissé received by the SMTP server: to whom, and when (its "Received:" header, to the second). */
    record Recu(String destinataire, Instant recuLe, String messageId) {
    }

    /** Deposited dossiers' numbers and their usager's e-mail. */
    private static Map<String, String> dossiersDeposes() throws Exception {
        Map<String, String> deposes = new HashMap<>();
        try (Connection c = postgres.connexion(); PreparedStatement s = c.prepareStatement(
                "select d.numero, u.email from dossier d join usager u on u.id = d.usager_id where d.numero is not null");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                deposes.put(rs.getString(1), rs.getString(2));
            }
        }
        return deposes;
    }

    private static final String SUJET_RECEPISSE = "Accusé de réception de votre demande ";

    private static final java.time.format.DateTimeFormatter DATE_RECEIVED =
            java.time.format.DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", java.util.Locale.US);

    /** Récépissés received, by dossier number, in order of arrival. */
    private static Map<String, List<Recu>> recepisses() throws Exception {
        Map<String, List<Recu>> parNumero = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String sujet = m.getSubject();
            if (sujet != null && sujet.startsWith(SUJET_RECEPISSE)) {
                String received = m.getHeader("Received")[0];
                Instant recuLe = java.time.ZonedDateTime.parse(received.substring(received.lastIndexOf(';') + 1).strip(),
                        DATE_RECEIVED).toInstant();
                parNumero.computeIfAbsent(sujet.substring(SUJET_RECEPISSE.length()).strip(), k -> new ArrayList<>())
                        .add(new Recu(m.getRecipients(Message.RecipientType.TO)[0].toString(), recuLe, m.getMessageID()));
            }
        }
        return parNumero;
    }

    private static int entiers(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String sha256(Path fichier) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(fichier), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
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
        ClientUsager.Reponse espaceSurB = usager.get("/usager");
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

        verifierDepots(depots);
        verifierFichiers(envois);
        verifierRecepissesUneFois(Duration.ofSeconds(60), PANNES);

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
