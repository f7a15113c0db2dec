package fr.gouv.guichet.socle;

import org.springframework.modulith.events.EventPublication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Which failed event publications the outbox resubmits now: spaced out (the delay doubles after each attempt, up to
 * an hour) and at most {@code tentativesMax} times. A listener that keeps failing (a PDF that cannot be rendered, an
 * address the mail server refuses) is no longer retried every minute for ever: it stays FAILED in
 * {@code event_publication}, where supervision counts it, until someone resubmits it by hand.
 */
record RelanceBornee(Duration apres, int tentativesMax, Clock horloge) implements Predicate<EventPublication> {

    private static final Duration PLAFOND = Duration.ofHours(1);

    @Override
    public boolean test(EventPublication publication) {
        int tentatives = publication.getCompletionAttempts();
        if (tentatives >= tentativesMax) {
            return false;
        }
        Instant derniere = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !derniere.plus(delai(tentatives)).isAfter(horloge.instant());
    }

    Duration delai(int tentatives) {
        Duration delai = apres.multipliedBy(1L << Math.min(Math.max(0, tentatives - 1), 10));
        return delai.compareTo(PLAFOND) > 0 ? PLAFOND : delai;
    }
}
