package fr.gouv.fauxservices;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Failures programmed by the tests, per service: the next {@code n} requests fail in the chosen way.
 * <ul>
 *   <li>{@link Mode#INDISPONIBLE}: 503 before anything is done;</li>
 *   <li>{@link Mode#REPONSE_PERDUE}: the request is carried out, then 503 is answered instead of the result (as when
 *       an answer is lost on the way): a retry with the same idempotency key must get the stored result;</li>
 *   <li>{@link Mode#LENT}: the answer comes after {@code lenteur}.</li>
 * </ul>
 */
public final class Pannes {

    public enum Mode { INDISPONIBLE, REPONSE_PERDUE, LENT }

    private record Programme(Mode mode, int restantes, Duration lenteur) {
    }

    private final Map<Service, Programme> programmes = new EnumMap<>(Service.class);

    /** The next {@code nombre} requests to this service fail in this way. */
    public synchronized void programmer(Service service, Mode mode, int nombre) {
        programmer(service, mode, nombre, Duration.ZERO);
    }

    public synchronized void programmer(Service service, Mode mode, int nombre, Duration lenteur) {
        programmes.put(service, new Programme(mode, nombre, lenteur));
    }

    /** No more failures. */
    public synchronized void reparer() {
        programmes.clear();
    }

    /** The failure of this request, if one is programmed (and counts it). */
    synchronized Panne prochaine(Service service) {
        Programme p = programmes.get(service);
        if (p == null || p.restantes() <= 0) {
            return Panne.AUCUNE;
        }
        programmes.put(service, new Programme(p.mode(), p.restantes() - 1, p.lenteur()));
        return new Panne(p.mode(), p.lenteur());
    }

    /** One request's failure ({@code mode} null: none). */
    record Panne(@Nullable Mode mode, Duration lenteur) {
        static final Panne AUCUNE = new Panne(null, Duration.ZERO);
    }
}
