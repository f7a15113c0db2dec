package fr.gouv.guichet.socle;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class SocleConfiguration {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Bean
    Clock horloge() {
        return Clock.system(PARIS);
    }

    /** db-scheduler stopped and paused with the context, before the executors of the outbox listeners (ADR 0026). */
    @Bean
    CycleDuPlanificateur cycleDuPlanificateur(ObjectProvider<Scheduler> planificateur,
                                              @Value("${db-scheduler.shutdown-max-wait:30m}") String attenteMax) {
        return new CycleDuPlanificateur(planificateur, DurationStyle.detectAndParse(attenteMax));
    }

    /**
     * The outbox's second chance: event publications (e-mails, PDFs…) whose listener failed or whose instance died
     * are resubmitted by one scheduled task, run by one instance at a time. Listeners are idempotent.
     *
     * <p>Spring Modulith resubmits only publications marked FAILED. One left PUBLISHED, PROCESSING or RESUBMITTED by
     * an instance killed mid-way, or whose failure could not be recorded because the database was down, would stay so
     * for ever: untouched for {@code apres}, it is marked FAILED here first, then resubmitted. Should its listener in
     * fact still be running, the second run waits for the first one's claim and does nothing (see the listeners).
     * Resubmissions are spaced out and bounded ({@link RelanceBornee}): a listener that always fails is not retried
     * every minute for ever (issue 10, point 4).
     */
    @Bean
    RecurringTask<Void> relanceEvenements(JdbcClient jdbc, IncompleteEventPublications incompletes, Clock horloge,
                                          @Value("${guichet.outbox.relance-apres:PT1M}") Duration apres,
                                          @Value("${guichet.outbox.intervalle:PT30S}") Duration intervalle,
                                          @Value("${guichet.outbox.tentatives-max:8}") int tentativesMax) {
        RelanceBornee relance = new RelanceBornee(apres, tentativesMax, horloge);
        return Tasks.recurring("outbox-relance", FixedDelay.of(intervalle))
                .execute((instance, contexte) -> {
                    jdbc.sql("""
                                    update event_publication set status = 'FAILED'
                                    where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                                      and coalesce(last_resubmission_date, publication_date) < ?""")
                            .param(Timestamp.from(horloge.instant().minus(apres))).update();
                    incompletes.resubmitIncompletePublications(relance);
                });
    }
}
