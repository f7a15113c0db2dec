package fr.gouv.guichet.permis.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The licence's scheduled work (db-scheduler: one instance of the cluster runs each execution). */
@Configuration(proxyBeanMethods = false)
class TachesPermis {

    /**
     * Titles validated and not shipped yet: order the ones whose order failed (service down), ask the production
     * service where the others stand, and record their shipping with its tracking number.
     */
    @Bean
    RecurringTask<Void> tacheFabricationTitres(FabricationTitres fabrication,
                                          @Value("${guichet.permis.fabrication.intervalle:PT1M}") Duration intervalle) {
        return Tasks.recurring("permis-fabrication", FixedDelay.of(intervalle))
                .execute((instance, contexte) -> fabrication.avancerEnCours());
    }
}
