package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.immatriculation.BaremeTaxes;
import fr.gouv.guichet.immatriculation.externe.ClientHttpPaiement;
import fr.gouv.guichet.immatriculation.externe.ClientHttpProductionCertificats;
import fr.gouv.guichet.immatriculation.externe.PrestatairePaiement;
import fr.gouv.guichet.immatriculation.externe.ProductionCertificats;
import fr.gouv.guichet.immatriculation.externe.ServiceIndisponible;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Registration's beans. Each external system is its real HTTP client, at {@code guichet.immatriculation.paiement.url}
 * and {@code guichet.immatriculation.production.url}; when empty and the embedded defaults are on
 * ({@code guichet.embarque.services-externes.actif}), at the demonstration server started on first use
 * ({@code guichet.embarque.immatriculation.port}, 9101 by default). With neither, the service is reported unavailable.
 */
@Configuration(proxyBeanMethods = false)
class ConfigurationImmatriculation {

    static final String SECRET_DEMONSTRATION = "secret-de-demonstration-du-paiement";

    @Bean
    BaremeTaxes baremeTaxes() {
        return BaremeTaxes.charger();
    }

    @Bean
    ServeurDemoEmbarque serveurDemoEmbarque(@Value("${guichet.embarque.immatriculation.port:9101}") int port,
                                            @Value("${guichet.immatriculation.paiement.secret}") String secret, Clock horloge,
                                            @Value("${guichet.immatriculation.production.delai-expedition:PT2M}") Duration delai) {
        return new ServeurDemoEmbarque(port, secret, horloge, delai);
    }

    @Bean
    PrestatairePaiement prestatairePaiement(@Value("${guichet.immatriculation.paiement.url:}") String url,
                                            @Value("${guichet.immatriculation.paiement.secret}") String secret,
                                            @Value("${guichet.embarque.services-externes.actif:false}") boolean embarques,
                                            ServeurDemoEmbarque demo) {
        if (!embarques && secret.equals(SECRET_DEMONSTRATION)) {
            // Never trust notifications signed with a secret published in the sources: payment reported unavailable.
            org.slf4j.LoggerFactory.getLogger(ConfigurationImmatriculation.class).error("guichet.immatriculation.paiement.secret : "
                    + "le secret de démonstration ne signe que le prestataire embarqué ; le paiement en ligne est indisponible tant "
                    + "que le secret partagé avec le vrai prestataire n’est pas configuré (GUICHET_IMMATRICULATION_PAIEMENT_SECRET).");
            return new PaiementIndisponible();
        }
        return new ClientHttpPaiement(adresse(url, embarques, () -> demo.serveur().url() + "/paiement", "paiement"),
                Duration.ofSeconds(10), secret);
    }

    @Bean
    ProductionCertificats productionCertificats(@Value("${guichet.immatriculation.production.url:}") String url,
                                                @Value("${guichet.embarque.services-externes.actif:false}") boolean embarques,
                                                ServeurDemoEmbarque demo) {
        return new ClientHttpProductionCertificats(adresse(url, embarques, () -> demo.serveur().url() + "/production", "production"),
                Duration.ofSeconds(10));
    }

    private static Supplier<String> adresse(String configuree, boolean embarques, Supplier<String> demo, String nom) {
        if (!configuree.isBlank()) {
            String u = configuree.strip().replaceAll("/+$", "");
            return () -> u;
        }
        if (embarques) {
            return demo;
        }
        return () -> {
            throw new ServiceIndisponible("aucune adresse configurée (guichet.immatriculation." + nom + ".url)");
        };
    }

    /** No payment provider may be trusted: nothing is opened, no notification is believed. */
    static final class PaiementIndisponible implements PrestatairePaiement {

        @Override
        public Session ouvrir(Demande demande) {
            throw new ServiceIndisponible("Le paiement en ligne n’est pas configuré");
        }

        @Override
        public Etat etat(String identifiant) {
            throw new ServiceIndisponible("Le paiement en ligne n’est pas configuré");
        }

        @Override
        public boolean signatureValide(byte[] corps, String signature) {
            return false;
        }

        @Override
        public Etat lireNotification(byte[] corps) {
            throw new ServiceIndisponible("Le paiement en ligne n’est pas configuré");
        }

        @Override
        public String rembourser(String identifiant, int montantCentimes, String motif, String cleIdempotence) {
            throw new ServiceIndisponible("Le paiement en ligne n’est pas configuré");
        }
    }
}
