package fr.gouv.fauxservices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The demonstration server of vehicle registration's external systems (issue 13), on its own loopback port: the
 * payment provider ({@code /paiement}: API {@code /paiement/v1/paiements}, page {@code /paiement/payer/{id}}) and the
 * production of registration certificates ({@code /production}: same production and shipping as the licence's
 * titles, {@link Production}). State in memory, fresh at each start. Like the licence's services, each service's API
 * can be made to fail or slow down by the tests ({@link #pannes()}, per {@link Service#PAIEMENT} and
 * {@link Service#PRODUCTION}); the provider's payment page stays up (the person can pay while the API is down).
 */
public final class ServeurDemoImmatriculation implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int CORPS_MAX = 64 * 1024;

    private final HttpServer serveur;
    private final ExecutorService executeur;
    private final PaiementsDemo paiements;
    private final Production production;
    private final Pannes pannes = new Pannes();
    private final JsonMapper json = JsonMapper.builder().build();

    private ServeurDemoImmatriculation(int port, String secret, Clock horloge, Duration delaiExpedition) throws IOException {
        paiements = new PaiementsDemo(secret);
        production = new Production(horloge, delaiExpedition);
        serveur = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        serveur.createContext("/", this::traiter);
        executeur = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "immatriculation-demo");
            t.setDaemon(true);
            return t;
        });
        serveur.setExecutor(executeur);
        serveur.start();
    }

    /**
     * Starts on this loopback port (0: a free one).
     *
     * @param secret the secret shared with Guichet to sign payment notifications
     */
    public static ServeurDemoImmatriculation demarrer(int port, String secret, Clock horloge, Duration delaiExpedition) {
        try {
            ServeurDemoImmatriculation s = new ServeurDemoImmatriculation(port, secret, horloge, delaiExpedition);
            LoggerFactory.getLogger(ServeurDemoImmatriculation.class)
                    .info("Paiement et production des certificats d’immatriculation de démonstration : {}", s.url());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer le serveur de démonstration de l’immatriculation sur le port "
                    + port + " (déjà pris ?)", e);
        }
    }

    public String url() {
        return "http://" + serveur.getAddress().getAddress().getHostAddress() + ":" + serveur.getAddress().getPort();
    }

    /** Payment notifications, programmable by tests. */
    public PaiementsDemo paiements() {
        return paiements;
    }

    /** Failures and slowness of the payment and production APIs, programmed by the tests. */
    public Pannes pannes() {
        return pannes;
    }

    /** How many certificate orders for this dossier (its number) reached the production (see {@link Production}). */
    public int certificatsDemandes(String dossier) {
        return production.certificatsDemandes(dossier);
    }

    /** The holder named by each certificate order of this dossier (its number), in order. */
    public java.util.List<String> titulairesCertificats(String dossier) {
        return production.titulairesCertificats(dossier);
    }

    private void traiter(HttpExchange echange) throws IOException {
        try (echange) {
            String[] s = echange.getRequestURI().getPath().replaceFirst("^/", "").split("/");
            String methode = echange.getRequestMethod();
            try {
                for (String segment : s) {
                    if (!ID.matcher(segment).matches()) {
                        throw Refuse.invalide("Segment de chemin invalide.");
                    }
                }
                if (s.length == 3 && s[0].equals("paiement") && s[1].equals("payer")) {
                    if (methode.equals("GET")) {
                        html(echange, paiements.page(s[2]));
                    } else {
                        String action = formulaire(new String(lireCorps(echange), StandardCharsets.UTF_8)).getOrDefault("action", "");
                        echange.getResponseHeaders().set("Location", paiements.agir(s[2], action));
                        echange.sendResponseHeaders(303, -1);
                    }
                    return;
                }
                Service service = s[0].equals("paiement") ? Service.PAIEMENT : s[0].equals("production") ? Service.PRODUCTION : null;
                Pannes.Panne panne = service == null ? Pannes.Panne.AUCUNE : pannes.prochaine(service);
                if (panne.mode() == Pannes.Mode.INDISPONIBLE) {
                    json(echange, 503, Map.of("erreur", "indisponible", "message", "Service indisponible (panne programmée)."));
                    return;
                }
                if (panne.mode() == Pannes.Mode.LENT) {
                    dormir(panne.lenteur());
                }
                Map<String, Object> reponse = api(s, methode, echange);
                if (panne.mode() == Pannes.Mode.REPONSE_PERDUE) {
                    json(echange, 503, Map.of("erreur", "indisponible", "message", "Réponse perdue (panne programmée)."));
                    return;
                }
                json(echange, 200, reponse);
            } catch (Refuse r) {
                Map<String, Object> corps = new LinkedHashMap<>();
                corps.put("erreur", r.erreur);
                corps.put("message", r.getMessage());
                json(echange, r.statut, corps);
            } catch (RuntimeException e) {
                json(echange, 500, Map.of("erreur", "erreur-interne", "message", "Erreur interne du serveur de démonstration."));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> api(String[] s, String methode, HttpExchange echange) throws IOException {
        boolean post = methode.equals("POST");
        if (post && echange.getRequestHeaders().getFirst("Idempotency-Key") == null) {
            throw Refuse.invalide("En-tête Idempotency-Key manquant.");
        }
        if (s.length == 3 && s[0].equals("paiement") && s[1].equals("v1") && s[2].equals("paiements") && post) {
            return paiements.ouvrir(json.readValue(lireCorps(echange), Map.class), url());
        }
        if (s.length == 4 && s[0].equals("paiement") && s[1].equals("v1") && s[2].equals("paiements") && !post) {
            return paiements.etat(s[3]);
        }
        if (s.length == 5 && s[0].equals("paiement") && s[1].equals("v1") && s[2].equals("paiements") && s[4].equals("remboursements") && post) {
            return paiements.rembourser(s[3], json.readValue(lireCorps(echange), Map.class));
        }
        if (s.length == 3 && s[0].equals("production") && s[1].equals("v1") && s[2].equals("certificats") && post) {
            return production.commanderCertificat(json.readValue(lireCorps(echange), Map.class));
        }
        if (s.length == 4 && s[0].equals("production") && s[1].equals("v1") && s[2].equals("commandes") && !post) {
            return production.suivre(s[3]);
        }
        throw Refuse.inconnu("chemin-inconnu", "Chemin inconnu.");
    }

    private static byte[] lireCorps(HttpExchange echange) throws IOException {
        byte[] octets = echange.getRequestBody().readNBytes(CORPS_MAX + 1);
        if (octets.length > CORPS_MAX) {
            throw Refuse.invalide("Corps de requête trop long.");
        }
        return octets;
    }

    private static Map<String, String> formulaire(String corps) {
        Map<String, String> valeurs = new LinkedHashMap<>();
        for (String paire : corps.split("&")) {
            int i = paire.indexOf('=');
            if (i > 0) {
                valeurs.put(URLDecoder.decode(paire.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(paire.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return valeurs;
    }

    private void json(HttpExchange echange, int statut, Map<String, Object> corps) throws IOException {
        byte[] octets = json.writeValueAsBytes(corps);
        echange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        echange.sendResponseHeaders(statut, octets.length);
        echange.getResponseBody().write(octets);
    }

    private static void html(HttpExchange echange, String page) throws IOException {
        byte[] octets = page.getBytes(StandardCharsets.UTF_8);
        echange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        echange.sendResponseHeaders(200, octets.length);
        echange.getResponseBody().write(octets);
    }

    private static void dormir(Duration duree) {
        try {
            Thread.sleep(duree.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        serveur.stop(0);
        executeur.shutdownNow();
    }
}
