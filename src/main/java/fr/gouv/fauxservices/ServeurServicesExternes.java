package fr.gouv.fauxservices;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demonstration server of the licence's external systems, on the loopback interface only. Each service is
 * served under its own prefix ({@code /ephoto}, {@code /timbres}, {@code /examens}, {@code /production}); its state
 * lives in memory and starts again from {@link JeuDeDemonstration} at each start.
 */
public final class ServeurServicesExternes implements AutoCloseable {

    /** Shipping of an ordered title, 2 minutes after the order by default (so that a demonstration sees it). */
    public static final Duration DELAI_EXPEDITION_PAR_DEFAUT = Duration.ofMinutes(2);

    private final HttpServer serveur;
    private final ExecutorService executeur;
    private final Routeur routeur;
    private final Pannes pannes = new Pannes();
    private final RendezVousAnts rendezVousAnts = new RendezVousAnts();

    private ServeurServicesExternes(int port, Clock horloge, Duration delaiExpedition) throws IOException {
        routeur = new Routeur(new Ephotos(horloge), new Timbres(horloge), new Examens(),
                new Production(horloge, delaiExpedition), pannes, rendezVousAnts);
        serveur = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        serveur.createContext("/", routeur);
        executeur = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "services-externes-demo");
            t.setDaemon(true);
            return t;
        });
        serveur.setExecutor(executeur);
        serveur.start();
    }

    /** Starts on this loopback port (0: a free one), with the system clock. */
    public static ServeurServicesExternes demarrer(int port) {
        return demarrer(port, Clock.systemDefaultZone(), DELAI_EXPEDITION_PAR_DEFAUT);
    }

    public static ServeurServicesExternes demarrer(int port, Clock horloge, Duration delaiExpedition) {
        try {
            ServeurServicesExternes s = new ServeurServicesExternes(port, horloge, delaiExpedition);
            LoggerFactory.getLogger(ServeurServicesExternes.class)
                    .info("Services externes de démonstration (ePhoto, timbres, examens, production, rendez-vous ANTS) : {}", s.url());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer les services externes de démonstration sur le port "
                    + port + " (déjà pris ?)", e);
        }
    }

    public int port() {
        return serveur.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} (no trailing slash). */
    public String url() {
        return "http://" + serveur.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** Base address of one service, e.g. {@code http://127.0.0.1:9100/timbres}. */
    public String url(Service service) {
        return url() + service.prefixe();
    }

    /** Failures the tests program. */
    public Pannes pannes() {
        return pannes;
    }

    /** The ANTS appointment coordination's state (tests and demonstrations declare appointments made elsewhere). */
    public RendezVousAnts rendezVousAnts() {
        return rendezVousAnts;
    }

    /** Number of requests this service received (failed ones included). */
    public long requetes(Service service) {
        return routeur.requetes(service);
    }

    /** Idempotency keys of the changes this service received, in order (retries included). */
    public List<String> clesIdempotence(Service service) {
        return routeur.clesRecues(service);
    }

    @Override
    public void close() {
        serveur.stop(0);
        executeur.shutdownNow();
    }
}
