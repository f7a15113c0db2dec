package fr.gouv.guichet.externe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default, on with the embedded database ({@code guichet.embarque.services-externes.actif}), on its
 * loopback port ({@code guichet.embarque.services-externes.port}).
 */
@Configuration(proxyBeanMethods = false)
public class ConfigurationServicesExternes {

    @Bean
    ServicesExternesEmbarques servicesExternesEmbarques(@Value("${guichet.embarque.services-externes.port:9100}") int port,
                                                        @Value("${guichet.embarque.services-externes.actif:false}") boolean actifs,
                                                        @Value("${guichet.embarque.services-externes.delai-expedition:PT2M}")
                                                        String delaiExpedition) {
        // Read as text: this configuration also runs in bare contexts, without Spring Boot's conversions.
        return new ServicesExternesEmbarques(port, actifs, java.time.Duration.parse(delaiExpedition));
    }
}
