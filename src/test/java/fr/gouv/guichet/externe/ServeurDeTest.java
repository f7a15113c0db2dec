package fr.gouv.guichet.externe;

import fr.gouv.fauxservices.Service;
import fr.gouv.fauxservices.ServeurServicesExternes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** A demonstration server on a free port with a clock the test moves, and short client settings. */
public final class ServeurDeTest implements AutoCloseable {

    /** A clock the test moves forward. */
    public static final class Horloge extends Clock {
        private volatile Instant maintenant = Instant.parse("2026-12-01T09:00:00Z");

        public void avancer(Duration duree) {
            maintenant = maintenant.plus(duree);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return maintenant;
        }
    }

    public final Horloge horloge = new Horloge();
    public final ServeurServicesExternes serveur = ServeurServicesExternes.demarrer(0, horloge, Duration.ofHours(1));

    /** Timeouts of one second, 2 retries 20 ms apart, a breaker opening after 4 failures out of 4. */
    public static ReglagesServiceExterne reglages(String url) {
        return new ReglagesServiceExterne(url, Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofMillis(20),
                100, 4, 4, Duration.ofMinutes(1), "jeton-de-test");
    }

    public String url(Service service) {
        return serveur.url(service);
    }

    /** A client of that service of this server, with the short settings. */
    public <T> T client(Service service, BiFunction<ReglagesServiceExterne, Supplier<String>, T> fabrique) {
        String url = url(service);
        return fabrique.apply(reglages(url), () -> url);
    }

    @Override
    public void close() {
        serveur.close();
    }
}
