package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import fr.gouv.guichet.identite.PlateformeNationaleRendezVous;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ANTS appointment coordination's real HTTP client, at {@code guichet.identite.ants.service.url}, or, when it is
 * empty and the embedded defaults are on, at the demonstration server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfigurationRendezVousAnts.ProprietesAnts.class)
class ConfigurationRendezVousAnts {

    /** {@code guichet.identite.ants.*}: address, timeouts, retries, circuit breaker, token. */
    @ConfigurationProperties("guichet.identite.ants")
    record ProprietesAnts(@DefaultValue ReglagesServiceExterne service) {
    }

    @Bean
    PlateformeNationaleRendezVous plateformeNationaleRendezVous(ProprietesAnts proprietes, ServicesExternesEmbarques embarques) {
        ReglagesServiceExterne reglages = proprietes.service();
        return new ClientHttpRendezVousAnts(reglages, embarques.adresse(PlateformeNationaleRendezVous.SYSTEME, reglages,
                "guichet.identite.ants.service.url"));
    }
}
