package fr.gouv.guichet.socle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, point 4: a listener that always fails (a PDF that cannot be rendered) is not resubmitted every minute for ever. */
class RelanceBorneeTest {

    private static final Instant MAINTENANT = Instant.parse("2026-12-01T10:00:00Z");
    private final RelanceBornee relance = new RelanceBornee(Duration.ofMinutes(1), 8, Clock.fixed(MAINTENANT, ZoneOffset.UTC));

    @Test
    void premiereRelance_apresLeDelai() {
        assertThat(relance.test(publication(0, MAINTENANT.minusSeconds(61), null))).isTrue();
        assertThat(relance.test(publication(0, MAINTENANT.minusSeconds(30), null))).isFalse();
    }

    @Test
    void relancesEspacees_leDelaiDoubleJusquAUneHeure() {
        assertThat(relance.test(publication(3, MAINTENANT.minusSeconds(3600), MAINTENANT.minusSeconds(3 * 60)))).isFalse();
        assertThat(relance.test(publication(3, MAINTENANT.minusSeconds(3600), MAINTENANT.minusSeconds(4 * 60)))).isTrue();
        assertThat(relance.delai(20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void auDelaDuNombreMaximal_plusJamaisRelancee() {
        assertThat(relance.test(publication(8, MAINTENANT.minusSeconds(86_400), MAINTENANT.minusSeconds(86_400)))).isFalse();
    }

    private static EventPublication publication(int tentatives, Instant publieeLe, Instant relanceeLe) {
        return new EventPublication() {
            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "événement";
            }

            @Override
            public Instant getPublicationDate() {
                return publieeLe;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.empty();
            }

            @Override
            public Status getStatus() {
                return Status.FAILED;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return relanceeLe;
            }

            @Override
            public int getCompletionAttempts() {
                return tentatives;
            }
        };
    }
}
