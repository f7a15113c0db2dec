package fr.gouv.guichet.socle.charge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import fr.gouv.guichet.socle.securite.ReseauClient;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load shedding: at most {@code enCours} requests are worked on at once; one that cannot start within
 * {@code attenteMax} is answered at once with 503 and {@code Retry-After} (a short French page) instead of waiting in
 * Tomcat's queue until every request times out. Work already under way comes first: a request without a session
 * (someone arriving) may only use half of the places, so that usagers in the middle of a submission finish it; a
 * session counts only if it exists (a made-up cookie is an arrival). One client network (IPv4 address, IPv6 /64) holds
 * at most {@code parClient} places. A request body is read in full <em>before</em> a place is taken, under a minimum
 * data rate and a total time (408 otherwise), with at most {@code parClient} bodies read at once per client: slow
 * senders hold no place. Static files and the health probe are never shed. {@link ServiceSurcharge} thrown further
 * down (password hashing bulkhead) gets the same answer.
 *
 * <p>Agents first (issue 18): the back-office ({@code /agent/…}) has its own share of places, {@code placesAgents},
 * that usagers never take; its arrivals (sign-in page) are limited to half of that share in the same way. A peak of
 * deposits thus never queues an agent behind usagers, and the other way round. Once started, an agent's request is
 * also given the processor before the usagers' ({@link PrioriteProcesseur}, when the JVM allows it).
 */
public final class DelestageCharge extends OncePerRequestFilter {

    private final Semaphore enCours;
    private final Semaphore arrivees;
    private final Semaphore agentsEnCours;
    private final Semaphore arriveesAgents;
    private final long attenteMaxNanos;
    private final long reessayerApres;
    private final String nomCookieSession;
    private final AtomicLong delestees = new AtomicLong();
    private final int parClient;
    private final Predicate<String> sessionExiste;
    private final LectureCorps lecture;
    private final ConcurrentHashMap<String, AtomicInteger> placesClients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> lecturesClients = new ConcurrentHashMap<>();
    private PrioriteProcesseur priorite = new PrioriteProcesseur(Thread.NORM_PRIORITY, false);

    /** How bodies are read before a place is taken. */
    public record LectureCorps(long debitMinParSeconde, Duration grace, Duration dureeMax, long maxFichier, long maxRequete) {
    }

    /** Without client limits nor session check (unit tests of the places alone). */
    public DelestageCharge(int enCours, Duration attenteMax, Duration reessayerApres, String nomCookieSession) {
        this(enCours, enCours, attenteMax, reessayerApres, nomCookieSession, Integer.MAX_VALUE, id -> true,
                new LectureCorps(1, Duration.ofMinutes(10), Duration.ofMinutes(10), Long.MAX_VALUE, Long.MAX_VALUE));
    }

    /**
     * @param enCours      places of the usagers' side (everything but {@code /agent/…})
     * @param placesAgents places reserved to the back-office ({@code /agent/…})
     */
    public DelestageCharge(int enCours, int placesAgents, Duration attenteMax, Duration reessayerApres, String nomCookieSession,
                           int parClient, Predicate<String> sessionExiste, LectureCorps lecture) {
        this.enCours = new Semaphore(enCours, true);
        this.arrivees = new Semaphore(Math.max(1, enCours / 2), true);
        this.agentsEnCours = new Semaphore(Math.max(1, placesAgents), true);
        this.arriveesAgents = new Semaphore(Math.max(1, placesAgents / 2), true);
        this.attenteMaxNanos = attenteMax.toNanos();
        this.reessayerApres = Math.max(1, reessayerApres.toSeconds());
        this.nomCookieSession = nomCookieSession;
        this.parClient = Math.max(1, parClient);
        this.sessionExiste = sessionExiste;
        this.lecture = lecture;
    }

    /** Requests answered 503 since start (exposed for supervision and tests). */
    public long delestees() {
        return delestees.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String chemin = request.getRequestURI().substring(request.getContextPath().length());
        return chemin.startsWith("/dsfr/") || chemin.startsWith("/css/") || chemin.startsWith("/js/")
                || chemin.startsWith("/actuator/") || chemin.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = ReseauClient.de(requete.getRemoteAddr());
        HttpServletRequest request = requete;
        if (aUnCorps(requete)) {
            if (!prendre(lecturesClients, client)) {
                delester(response);
                return;
            }
            try {
                request = lire(requete, response);
            } finally {
                rendre(lecturesClients, client);
            }
            if (request == null) {
                return;
            }
        }
        try {
            if (!prendre(placesClients, client)) {
                delester(response);
                return;
            }
            try {
                servir(request, response, chain);
            } finally {
                rendre(placesClients, client);
            }
        } finally {
            if (request instanceof CorpsLu lu) {
                lu.liberer();
            }
        }
    }

    private boolean prendre(ConcurrentHashMap<String, AtomicInteger> compteurs, String client) {
        boolean[] pris = {false};
        compteurs.compute(client, (k, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            if (c.get() < parClient) {
                c.incrementAndGet();
                pris[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return pris[0];
    }

    private static void rendre(ConcurrentHashMap<String, AtomicInteger> compteurs, String client) {
        compteurs.computeIfPresent(client, (k, c) -> c.decrementAndGet() <= 0 ? null : c);
    }

    private static boolean aUnCorps(HttpServletRequest request) {
        if (request instanceof org.springframework.web.multipart.MultipartHttpServletRequest) {
            return false;
        }
        String te = request.getHeader("Transfer-Encoding");
        return request.getContentLengthLong() > 0 || (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked"));
    }

    /**
     * Reads the whole body (memory, then a temporary file), or answers 408 (too slow) / 413 (too big) and returns null.
     * A body declared larger than allowed is left to the container, which refuses it without reading it.
     */
    private @org.jspecify.annotations.Nullable HttpServletRequest lire(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getContentLengthLong() > lecture.maxRequete()) {
            return request;
        }
        long debut = System.nanoTime();
        java.io.ByteArrayOutputStream memoire = new java.io.ByteArrayOutputStream();
        java.io.OutputStream sortie = memoire;
        java.nio.file.Path fichier = null;
        long lus = 0;
        boolean termine = false;
        try {
            java.io.InputStream entree = request.getInputStream();
            byte[] tampon = new byte[16 * 1024];
            int n;
            while ((n = entree.read(tampon)) >= 0) {
                lus += n;
                if (lus > lecture.maxRequete()) {
                    response.setHeader("Connection", "close");
                    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    return null;
                }
                if (fichier == null && lus > CorpsLu.EN_MEMOIRE) {
                    fichier = java.nio.file.Files.createTempFile("guichet-corps-", ".tmp");
                    sortie = java.nio.file.Files.newOutputStream(fichier);
                    memoire.writeTo(sortie);
                    memoire = null;
                }
                sortie.write(tampon, 0, n);
                long ecoule = System.nanoTime() - debut;
                boolean tropLent = ecoule > lecture.grace().toNanos()
                        && lus * 1_000_000_000d / ecoule < lecture.debitMinParSeconde();
                if (tropLent || ecoule > lecture.dureeMax().toNanos()) {
                    tropLent(response);
                    return null;
                }
            }
            sortie.close();
            termine = true;
        } catch (java.io.IOException e) {
            // Read timeout of the connector, or the client went away.
            if (!response.isCommitted()) {
                tropLent(response);
            }
            return null;
        } finally {
            if (!termine && fichier != null) {
                sortie.close();
                java.nio.file.Files.deleteIfExists(fichier);
            }
        }
        return new CorpsLu(request, memoire == null ? new byte[0] : memoire.toByteArray(), fichier, lus,
                lecture.maxFichier(), lecture.maxRequete());
    }

    private void tropLent(HttpServletResponse response) throws IOException {
        delestees.incrementAndGet();
        response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        byte[] texte = "Envoi trop lent : la demande n’a pas été prise en compte. Réessayez.".getBytes(StandardCharsets.UTF_8);
        response.setContentLength(texte.length);
        response.getOutputStream().write(texte);
    }

    /** The usagers' requests run at a lower processor priority than the agents' ({@link PrioriteProcesseur}). */
    void prioriteUsagers(PrioriteProcesseur priorite) {
        this.priorite = priorite;
    }

    private void servir(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limite = System.nanoTime() + attenteMaxNanos;
        boolean agent = estAgent(request);
        Semaphore places = agent ? agentsEnCours : enCours;
        Semaphore arrivee = aUneSession(request) ? null : agent ? arriveesAgents : arrivees;
        if (arrivee != null && !acquerir(arrivee, limite)) {
            delester(response);
            return;
        }
        try {
            if (!acquerir(places, limite)) {
                delester(response);
                return;
            }
            try {
                if (agent) {
                    chain.doFilter(request, response);
                } else {
                    priorite.enPrioriteUsager(() -> chain.doFilter(request, response));
                }
            } catch (ServletException | IOException | RuntimeException e) {
                if (!causeSurcharge(e) || response.isCommitted()) {
                    throw e;
                }
                response.reset();
                delester(response);
            } finally {
                places.release();
            }
        } finally {
            if (arrivee != null) {
                arrivee.release();
            }
        }
    }

    private static boolean estAgent(HttpServletRequest request) {
        String chemin = request.getRequestURI().substring(request.getContextPath().length());
        return chemin.equals("/agent") || chemin.startsWith("/agent/");
    }

    private boolean aUneSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (nomCookieSession.equals(c.getName()) && sessionExiste.test(c.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean acquerir(Semaphore s, long limite) {
        try {
            return s.tryAcquire(Math.max(0, limite - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean causeSurcharge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceSurcharge) {
                return true;
            }
        }
        return false;
    }

    private void delester(HttpServletResponse response) throws IOException {
        delestees.incrementAndGet();
        Reponse503.ecrire(response, reessayerApres, PAGE.formatted(reessayerApres));
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Service momentanément surchargé — Guichet</title>
            <link rel="stylesheet" href="/dsfr/dsfr.min.css">
            </head>
            <body>
            <main class="fr-container fr-my-7w" id="contenu">
            <h1>Service momentanément surchargé</h1>
            <p class="fr-text--lead">Guichet reçoit en ce moment plus de demandes qu’il ne peut en traiter.</p>
            <p>Votre demande n’a pas été prise en compte, mais rien de ce que vous aviez déjà enregistré n’est perdu.
            Réessayez dans %d secondes environ : vous retrouverez vos brouillons dans « Mes dossiers ».</p>
            <p><a class="fr-link" href="/">Revenir à l’accueil</a></p>
            </main>
            </body>
            </html>
            """;
}
