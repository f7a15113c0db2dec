package fr.gouv.guichet.socle.charge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The database cannot be reached for a moment (primary lost and standby being promoted, restart, pool exhausted
 * waiting for it): the request is answered 503 with {@code Retry-After} and a short French page saying that nothing
 * saved is lost, instead of the 500 error page. Recognised from the cause chain: Spring's connection and transaction
 * creation failures, JDBC connection exceptions, and PostgreSQL's SQLSTATEs of class 08 (connection), 57P01-57P03
 * (server shutting down, restarting, not yet accepting connections) and 53300 (too many connections). Any other
 * error goes on to the ordinary error page, except a transaction PostgreSQL undid because of a simultaneous one
 * (deadlock, serialization failure, lock not available; {@link #causeConflit}), answered 503 with a page asking to
 * do the action again. Nothing is retried here: a request that reached the database may have
 * been committed, so the user (or the browser's reload, with the deposit's idempotency key) decides.
 * Placed right after {@link DelestageCharge}, before the session and security filters, whose own database reads
 * fail the same way.
 */
public final class BaseIndisponible extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BaseIndisponible.class);
    private static final Set<String> ETATS_SQL = Set.of("57P01", "57P02", "57P03", "53300");
    private static final Set<String> ETATS_CONFLIT = Set.of("40P01", "40001", "55P03");
    private static final long REESSAYER_APRES_CONFLIT = 2;

    private final long reessayerApres;
    private final AtomicLong refusees = new AtomicLong();
    private final AtomicLong conflits = new AtomicLong();

    public BaseIndisponible(Duration reessayerApres) {
        this.reessayerApres = Math.max(1, reessayerApres.toSeconds());
    }

    /** Requests answered 503 because the database could not be reached, since start. */
    public long refusees() {
        return refusees.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            Throwable cause = causeBaseIndisponible(e);
            if (cause != null) {
                log.warn("Base de données injoignable : {} {} refusée (503, réessayer dans {} s) : {}", request.getMethod(),
                        request.getRequestURI(), reessayerApres, cause.toString());
                response.reset();
                repondre(response);
                return;
            }
            Throwable conflit = causeConflit(e);
            if (conflit == null) {
                throw e;
            }
            log.warn("Transaction annulée par la base (conflit avec une requête simultanée) : {} {} (503, réessayer) : {}",
                    request.getMethod(), request.getRequestURI(), conflit.toString());
            response.reset();
            conflits.incrementAndGet();
            Reponse503.ecrire(response, REESSAYER_APRES_CONFLIT, PAGE_CONFLIT);
        }
    }

    /**
     * The cause showing that PostgreSQL rolled the transaction back because of a simultaneous one — deadlock (40P01),
     * serialization failure (40001), lock not available (55P03) — or null. The whole transaction is undone, so the
     * same action can simply be done again; the code avoids these (locks taken in one order), this is the last net.
     */
    static @Nullable Throwable causeConflit(Throwable e) {
        return parcourir(e, t -> t instanceof PessimisticLockingFailureException
                || t instanceof SQLException sql && sql.getSQLState() != null && ETATS_CONFLIT.contains(sql.getSQLState()));
    }

    /** Requests answered 503 because the database undid their transaction in a conflict, since start. */
    public long conflits() {
        return conflits.get();
    }

    /**
     * The cause that shows the database unreachable, or null if the failure is something else. Causes, suppressed
     * exceptions and the exception a failed rollback replaced ({@link TransactionSystemException}) are all looked at.
     */
    static @Nullable Throwable causeBaseIndisponible(Throwable e) {
        return parcourir(e, t -> t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof java.net.ConnectException
                || t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || ETATS_SQL.contains(sql.getSQLState())));
    }

    private static @Nullable Throwable parcourir(Throwable e, Predicate<Throwable> cherchee) {
        Map<Throwable, Boolean> vues = new IdentityHashMap<>();
        Deque<Throwable> aVoir = new ArrayDeque<>(List.of(e));
        while (!aVoir.isEmpty() && vues.size() < 50) {
            Throwable t = aVoir.pop();
            if (vues.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (cherchee.test(t)) {
                return t;
            }
            if (t.getCause() != null) {
                aVoir.push(t.getCause());
            }
            if (t instanceof TransactionSystemException ts && ts.getApplicationException() != null) {
                aVoir.push(ts.getApplicationException());
            }
            aVoir.addAll(List.of(t.getSuppressed()));
        }
        return null;
    }

    private void repondre(HttpServletResponse response) throws IOException {
        refusees.incrementAndGet();
        Reponse503.ecrire(response, reessayerApres, PAGE.formatted(reessayerApres));
    }

    /** Static (no template, no session, no database): everything the layout needs may be what is unreachable. */
    private static String page(String titre, String contenu) {
        return """
                <!doctype html>
                <html lang="fr" data-fr-scheme="system">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — Guichet, téléprocédures des préfectures</title>
                <link rel="stylesheet" href="/dsfr/dsfr.min.css">
                <link rel="stylesheet" href="/css/guichet.css">
                </head>
                <body>
                <header role="banner" class="fr-header"><div class="fr-header__body"><div class="fr-container">
                <div class="fr-header__body-row"><div class="fr-header__brand fr-enlarge-link">
                <div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div></div>
                <div class="fr-header__service"><a href="/" title="Accueil — Guichet, téléprocédures des préfectures">
                <p class="fr-header__service-title">Guichet</p></a></div>
                </div></div></div></div></header>
                <main role="main" class="fr-container fr-my-7w" id="contenu">
                <h1>%s</h1>
                <div class="fr-alert fr-alert--info fr-mb-3w">
                <p>Rien de ce que vous aviez enregistré n’est perdu.</p>
                </div>
                %s
                </main>
                </body>
                </html>
                """.formatted(titre, titre, contenu);
    }

    private static final String PAGE = page("Service momentanément indisponible", """
            <p class="fr-text--lead">Guichet ne peut pas joindre sa base de données pendant quelques instants
            (maintenance ou passage sur un serveur de secours).</p>
            <p>Réessayez dans %d secondes environ en actualisant la page. Un dossier que vous étiez en train de valider ne
            sera pas déposé deux fois ; vos brouillons vous attendent dans « Mes dossiers ».</p>""");

    private static final String PAGE_CONFLIT = page("Votre action n’a pas abouti : réessayez", """
            <p class="fr-text--lead">Une autre demande modifiait les mêmes informations au même instant (par exemple le même
            créneau de rendez-vous).</p>
            <p>Revenez à la page précédente et refaites votre action dans quelques secondes.</p>""");
}
