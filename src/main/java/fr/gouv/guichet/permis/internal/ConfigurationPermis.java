package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.permis.BaremeTimbres;
import fr.gouv.guichet.permis.FormatEphoto;
import fr.gouv.guichet.permis.externe.ProductionTitres;
import fr.gouv.guichet.permis.externe.ResultatsExamen;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import fr.gouv.guichet.permis.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import fr.gouv.guichet.permis.externe.ServiceTimbres;
import fr.gouv.guichet.permis.externe.http.ClientHttpPhotos;
import fr.gouv.guichet.permis.externe.http.ClientHttpProductionTitres;
import fr.gouv.guichet.permis.externe.http.ClientHttpResultatsExamen;
import fr.gouv.guichet.permis.externe.http.ClientHttpTimbres;
import fr.gouv.guichet.permis.externe.http.ReglagesServiceExterne;
import org.slf4j.LoggerFactory;
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
    ServicesExternesEmbarques servicesExternesEmbarques(@Value("${guichet.embarque.services-externes.port:9100}") int port,
                                                        @Value("${guichet.embarque.services-externes.delai-expedition:PT2M}")
                                                        String delaiExpedition) {
        return new ServicesExternesEmbarques(port, java.time.Duration.parse(delaiExpedition));
    }

    @Bean
    AdressesServicesPermis adressesServicesPermis(ProprietesServicesPermis proprietes, ServicesExternesEmbarques embarques,
                                                  @Value("${guichet.embarque.services-externes.actif:false}") boolean embarquesActifs) {
        return new AdressesServicesPermis(proprietes, embarques, embarquesActifs);
    }

    @Bean
    ServicePhotos servicePhotos(AdressesServicesPermis adresses) {
        return new ClientHttpPhotos(adresses.reglages(ServiceExterne.PHOTOS), adresses.de(ServiceExterne.PHOTOS));
    }

    @Bean
    ServiceTimbres serviceTimbres(AdressesServicesPermis adresses) {
        return new ClientHttpTimbres(adresses.reglages(ServiceExterne.TIMBRES), adresses.de(ServiceExterne.TIMBRES));
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

    @Bean
    BaremeTimbres baremeTimbres() {
        return BaremeTimbres.charger();
    }

    /** Where each service is reached: its configured address, the embedded demonstration server, or nowhere. */
    record AdressesServicesPermis(ProprietesServicesPermis proprietes, ServicesExternesEmbarques embarques,
                                  boolean embarquesActifs) {

        ReglagesServiceExterne reglages(ServiceExterne service) {
            return proprietes.de(service);
        }

        Supplier<String> de(ServiceExterne service) {
            ReglagesServiceExterne reglages = proprietes.de(service);
            if (reglages.aUneAdresse()) {
                String url = reglages.url().strip().replaceAll("/+$", "");
                return () -> url;
            }
            if (embarquesActifs) {
                return () -> embarques.adresse(service);
            }
            LoggerFactory.getLogger(ConfigurationPermis.class).warn("Aucune adresse pour {} (guichet.permis.services.{}.url) "
                    + "et services embarqués désactivés : il sera signalé indisponible.", service.designation(), service.code());
            return () -> {
                throw new ServiceExterneIndisponibleException(service, "aucune adresse configurée (guichet.permis.services."
                        + service.code() + ".url)");
            };
        }
    }
}
