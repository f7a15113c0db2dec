package fr.gouv.guichet.timbre.internal;

import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import fr.gouv.guichet.timbre.BaremeTimbres;
import fr.gouv.guichet.timbre.ServiceTimbres;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timbre service's real HTTP client, at {@code guichet.timbres.url}, or, when it is empty and the embedded
 * defaults are on, at the demonstration server; the dated amounts of every procedure.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfigurationTimbres.ProprietesTimbres.class)
class ConfigurationTimbres {

    /** {@code guichet.timbres.*}: address, timeouts, retries, circuit breaker, token. */
    @ConfigurationProperties("guichet.timbres")
    record ProprietesTimbres(@DefaultValue ReglagesServiceExterne service) {
    }

    @Bean
    ServiceTimbres serviceTimbres(ProprietesTimbres proprietes, ServicesExternesEmbarques embarques) {
        ReglagesServiceExterne reglages = proprietes.service();
        return new ClientHttpTimbres(reglages, embarques.adresse(ServiceTimbres.SYSTEME, reglages, "guichet.timbres.service.url"));
    }

    @Bean
    BaremeTimbres baremeTimbres() {
        return BaremeTimbres.charger();
    }
}
