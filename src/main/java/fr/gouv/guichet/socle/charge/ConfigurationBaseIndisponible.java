package fr.gouv.guichet.socle.charge;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Duration;

/** {@link BaseIndisponible} right inside the load shedding ({@code guichet.base-indisponible.reessayer-apres}, README). */
@Configuration(proxyBeanMethods = false)
class ConfigurationBaseIndisponible {

    @Bean
    FilterRegistrationBean<BaseIndisponible> baseIndisponible(
            @Value("${guichet.base-indisponible.reessayer-apres:PT10S}") Duration reessayerApres,
            ObjectProvider<MeterRegistry> registre) {
        BaseIndisponible filtre = new BaseIndisponible(reessayerApres);
        registre.ifAvailable(r -> FunctionCounter.builder("guichet.base.indisponible.reponses", filtre, BaseIndisponible::refusees)
                .description("Requêtes refusées (503) parce que la base de données était injoignable").register(r));
        registre.ifAvailable(r -> FunctionCounter.builder("guichet.base.conflits.reponses", filtre, BaseIndisponible::conflits)
                .description("Requêtes dont la base a annulé la transaction (interblocage, sérialisation) : 503, à refaire").register(r));
        FilterRegistrationBean<BaseIndisponible> enregistrement = new FilterRegistrationBean<>(filtre);
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        enregistrement.addUrlPatterns("/*");
        return enregistrement;
    }
}
