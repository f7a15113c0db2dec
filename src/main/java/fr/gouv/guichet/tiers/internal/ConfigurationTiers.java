package fr.gouv.guichet.tiers.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The register of companies: the HTTP client when {@code guichet.tiers.repertoire.url} is set, else the demonstration one. */
@Configuration(proxyBeanMethods = false)
class ConfigurationTiers {

    @Bean
    RepertoireEntreprises repertoireEntreprises(@Value("${guichet.tiers.repertoire.url:}") String url,
                                                @Value("${guichet.tiers.repertoire.delai:5s}") Duration delai) {
        return url.isBlank() ? new RepertoireEntreprisesDemonstration() : new ClientHttpRepertoireEntreprises(url, delai);
    }

    /** The address reference (BAN): the HTTP client when {@code guichet.tiers.adresses.url} is set, else the demonstration one. */
    @Bean
    ReferentielAdresses referentielAdresses(@Value("${guichet.tiers.adresses.url:}") String url,
                                            @Value("${guichet.tiers.adresses.delai:3s}") Duration delai) {
        return url.isBlank() ? new ReferentielAdressesDemonstration() : new ClientHttpReferentielAdresses(url, delai);
    }
}
