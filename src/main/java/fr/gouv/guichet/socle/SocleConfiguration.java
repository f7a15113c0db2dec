package fr.gouv.guichet.socle;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

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

    /**
     * The outbox's second chance: event publications (e-mails, PDFs…) whose listener failed or whose instance died
     * are resubmitted by one scheduled task, run by one instance at a time. Listeners are idempotent.
     */
    @Bean
    RecurringTask<Void> relanceEvenements(IncompleteEventPublications incompletes,
                                          @Value("${guichet.outbox.relance-apres:PT1M}") Duration apres,
                                          @Value("${guichet.outbox.intervalle:PT30S}") Duration intervalle) {
        return Tasks.recurring("outbox-relance", FixedDelay.of(intervalle))
                .execute((instance, contexte) -> incompletes.resubmitIncompletePublicationsOlderThan(apres));
    }
}
