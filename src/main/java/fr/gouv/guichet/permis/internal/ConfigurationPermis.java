package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.permis.FormatEphoto;
import fr.gouv.guichet.permis.externe.ProductionTitres;
import fr.gouv.guichet.permis.externe.ResultatsExamen;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import fr.gouv.guichet.permis.externe.http.ClientHttpPhotos;
import fr.gouv.guichet.permis.externe.http.ClientHttpProductionTitres;
import fr.gouv.guichet.permis.externe.http.ClientHttpResultatsExamen;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Supplier;

/**
 * The licence's beans. Each external system is its real HTTP client; the address comes from
 * {@code guichet.permis.services.<service>.url}, or, when it is empty and the embedded defaults are on
 * ({@code guichet.embarque.services-externes.actif}, on with the embedded database), from the demonstration server
 * started on first use. With neither, the service is reported unavailable (never a silent demonstration in
 * production).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProprietesServicesPermis.class)
class ConfigurationPermis {

    @Bean
    AdressesServicesPermis adressesServicesPermis(ProprietesServicesPermis proprietes, ServicesExternesEmbarques embarques) {
        return new AdressesServicesPermis(proprietes, embarques);
    }

    @Bean
    ServicePhotos servicePhotos(AdressesServicesPermis adresses) {
        return new ClientHttpPhotos(adresses.reglages(ServiceExterne.PHOTOS), adresses.de(ServiceExterne.PHOTOS));
    }

    @Bean
    ResultatsExamen resultatsExamen(AdressesServicesPermis adresses) {
        return new ClientHttpResultatsExamen(adresses.reglages(ServiceExterne.EXAMENS), adresses.de(ServiceExterne.EXAMENS));
    }

    @Bean
    ProductionTitres productionTitres(AdressesServicesPermis adresses) {
        return new ClientHttpProductionTitres(adresses.reglages(ServiceExterne.PRODUCTION), adresses.de(ServiceExterne.PRODUCTION));
    }

    @Bean
    FormatEphoto formatEphoto(@Value("${guichet.permis.ephoto.longueurs:22}") String longueurs) {
        return FormatEphoto.depuisReglage(longueurs);
    }

    /** Where each service is reached: its configured address, the embedded demonstration server, or nowhere. */
    record AdressesServicesPermis(ProprietesServicesPermis proprietes, ServicesExternesEmbarques embarques) {

        ReglagesServiceExterne reglages(ServiceExterne service) {
            return proprietes.de(service);
        }

        Supplier<String> de(ServiceExterne service) {
            return embarques.adresse(service, proprietes.de(service), "guichet.permis.services." + service.code() + ".url");
        }
    }
}
