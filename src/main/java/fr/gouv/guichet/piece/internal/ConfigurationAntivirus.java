package fr.gouv.guichet.piece.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.StockageFichiers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Antivirus: clamd ({@code guichet.antivirus.clamd.hote}, {@code .port}, {@code .delai}) or, without a host, the
 * demonstration scanner of the embedded default — refused when {@code guichet.antivirus.exiger-clamd=true}
 * (docs/adr/0005). Waiting files are retried by a db-scheduler task (one instance at a time).
 */
@Configuration(proxyBeanMethods = false)
class ConfigurationAntivirus {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAntivirus.class);

    @Bean
    Antivirus antivirus(@Value("${guichet.antivirus.clamd.hote:}") String hote,
                        @Value("${guichet.antivirus.clamd.port:3310}") int port,
                        @Value("${guichet.antivirus.clamd.delai:PT30S}") Duration delai,
                        @Value("${guichet.antivirus.exiger-clamd:false}") boolean exigerClamd) {
        if (!hote.isBlank()) {
            return new ClamdInstream(hote, port, delai);
        }
        if (exigerClamd) {
            throw new IllegalStateException("guichet.antivirus.exiger-clamd=true mais guichet.antivirus.clamd.hote "
                    + "n’est pas renseigné : l’analyseur de démonstration n’est jamais utilisé dans ce cas.");
        }
        LOG.warn("Antivirus de DÉMONSTRATION (détecte seulement la chaîne de test EICAR) : renseignez "
                + "guichet.antivirus.clamd.hote en production (docs/adr/0005).");
        return new AntivirusDemonstration();
    }

    @Bean
    AnalysesAntivirus analysesAntivirus(JdbcClient jdbc, TransactionTemplate transactions, StockageFichiers stockage,
                                        Antivirus antivirus) {
        return new AnalysesAntivirusJdbc(jdbc, transactions, stockage, antivirus);
    }

    @Bean
    RecurringTask<Void> analyseAntivirusEnAttente(AnalysesAntivirus analyses,
                                                  @Value("${guichet.antivirus.intervalle:PT10S}") Duration intervalle) {
        return Tasks.recurring("antivirus-en-attente", FixedDelay.of(intervalle))
                .execute((instance, contexte) -> analyses.analyserEnAttente(500));
    }

    /** Scan backlog for Prometheus: files not yet scanned (they wait, never served). */
    @Bean
    MeterBinder metriquesAntivirus(AnalysesAntivirus analyses) {
        return registre -> Gauge.builder("guichet.antivirus.en_attente", analyses, a -> {
                    try {
                        return a.enAttente();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Fichiers déposés en attente d’analyse antivirus").register(registre);
    }

    /** {@code /actuator/health} component {@code antivirus}: DOWN when clamd does not answer (files then wait). */
    @Bean
    HealthIndicator antivirusHealthIndicator(Antivirus antivirus, AnalysesAntivirus analyses) {
        return () -> {
            Health.Builder sante = antivirus.repond() ? Health.up() : Health.down()
                    .withDetail("message", "Antivirus injoignable : les fichiers déposés attendent leur analyse");
            return sante.withDetail("analyseur", antivirus.nom()).withDetail("enAttente", analyses.enAttente()).build();
        };
    }
}
