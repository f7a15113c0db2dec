package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.socle.securite.Frein;
import fr.gouv.guichet.socle.securite.FreinConnexion;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Purges never-activated accounts whose links expired, expired links and old sign-in failures every hour (db-scheduler: once across instances). */
@Configuration(proxyBeanMethods = false)
class TachesCompte {

    private static final Logger log = LoggerFactory.getLogger(TachesCompte.class);

    @Bean
    RecurringTask<Void> purgeCompte(Jetons jetons, FreinConnexion frein, Frein freins, UsagerRepository usagers,
                                    java.time.Clock horloge) {
        return Tasks.recurring("compte-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, contexte) -> {
                    int n = usagers.purgerNonActives(horloge.instant());
                    int j = jetons.purger();
                    int e = frein.purger() + freins.purger();
                    log.info("Purge des comptes : {} compte(s) jamais activé(s), {} lien(s) expiré(s), {} échec(s) de connexion "
                            + "anciens supprimés", n, j, e);
                });
    }
}
