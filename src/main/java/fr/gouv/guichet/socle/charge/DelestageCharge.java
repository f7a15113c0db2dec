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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load shedding: at most {@code enCours} requests are worked on at once; one that cannot start within
 * {@code attenteMax} is answered at once with 503 and {@code Retry-After} (a short French page) instead of waiting in
 * Tomcat's queue until every request times out. Work already under way comes first: a request without a session
 * (someone arriving) may only use half of the places, so that usagers in the middle of a submission finish it.
 * Static files and the health probe are never shed. {@link ServiceSurcharge} thrown further down (password hashing
 * bulkhead) gets the same answer.
 */
public final class DelestageCharge extends OncePerRequestFilter {

    private final Semaphore enCours;
    private final Semaphore arrivees;
    private final long attenteMaxNanos;
    private final long reessayerApres;
    private final String nomCookieSession;
    private final AtomicLong delestees = new AtomicLong();

    public DelestageCharge(int enCours, Duration attenteMax, Duration reessayerApres, String nomCookieSession) {
        this.enCours = new Semaphore(enCours, true);
        this.arrivees = new Semaphore(Math.max(1, enCours / 2), true);
        this.attenteMaxNanos = attenteMax.toNanos();
        this.reessayerApres = Math.max(1, reessayerApres.toSeconds());
        this.nomCookieSession = nomCookieSession;
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
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limite = System.nanoTime() + attenteMaxNanos;
        Semaphore arrivee = aUneSession(request) ? null : arrivees;
        if (arrivee != null && !acquerir(arrivee, limite)) {
            delester(response);
            return;
        }
        try {
            if (!acquerir(enCours, limite)) {
                delester(response);
                return;
            }
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!causeSurcharge(e) || response.isCommitted()) {
                    throw e;
                }
                response.reset();
                delester(response);
            } finally {
                enCours.release();
            }
        } finally {
            if (arrivee != null) {
                arrivee.release();
            }
        }
    }

    private boolean aUneSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (nomCookieSession.equals(c.getName())) {
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
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(reessayerApres));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = PAGE.formatted(reessayerApres).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
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
