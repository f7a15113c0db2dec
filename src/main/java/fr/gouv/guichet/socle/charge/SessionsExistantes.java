package fr.gouv.guichet.socle.charge;

import org.springframework.session.SessionRepository;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a session cookie names a session that exists (Spring Session's cookie holds the id in Base64). Confirmed
 * ids are remembered for a minute, so a signed-in visitor costs one look-up a minute, not one per request. While the
 * database cannot be reached, a well-formed cookie is presumed to name a session.
 */
final class SessionsExistantes implements Predicate<String> {

    private static final int MEMOIRE_MAX = 20_000;
    private static final Duration DUREE = Duration.ofMinutes(1);

    private final SessionRepository<?> sessions;
    private final Clock horloge;
    private final ConcurrentHashMap<String, Instant> confirmees = new ConcurrentHashMap<>();

    SessionsExistantes(SessionRepository<?> sessions, Clock horloge) {
        this.sessions = sessions;
        this.horloge = horloge;
    }

    @Override
    public boolean test(String valeurCookie) {
        if (valeurCookie == null || valeurCookie.isEmpty() || valeurCookie.length() > 200) {
            return false;
        }
        Instant maintenant = horloge.instant();
        Instant jusqua = confirmees.get(valeurCookie);
        if (jusqua != null && jusqua.isAfter(maintenant)) {
            return true;
        }
        String id;
        try {
            id = new String(Base64.getDecoder().decode(valeurCookie), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            return false;
        }
        boolean existe;
        try {
            existe = sessions.findById(id) != null;
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            // Database unreachable (failover): not counted as an arrival; the request itself then meets the same
            // failure and BaseIndisponible answers 503.
            return true;
        }
        if (existe) {
            if (confirmees.size() >= MEMOIRE_MAX) {
                confirmees.clear();
            }
            confirmees.put(valeurCookie, maintenant.plus(DUREE));
        } else {
            confirmees.remove(valeurCookie);
        }
        return existe;
    }
}
