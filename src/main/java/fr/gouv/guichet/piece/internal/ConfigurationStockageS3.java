package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.StockageFichiers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;

/**
 * Object storage of files, with {@code guichet.stockage.type=s3}; without it the local-disk store
 * ({@link StockageFichiersDisque}) is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "guichet.stockage.type", havingValue = "s3")
class ConfigurationStockageS3 {

    @Bean
    ReglagesS3 reglagesS3(@Value("${guichet.stockage.s3.seau:}") String seau,
                          @Value("${guichet.stockage.s3.point-de-terminaison:}") String pointDeTerminaison,
                          @Value("${guichet.stockage.s3.region:us-east-1}") String region,
                          @Value("${guichet.stockage.s3.prefixe:fichiers/}") String prefixe,
                          @Value("${guichet.stockage.s3.chemin-dans-url:true}") boolean cheminDansUrl,
                          @Value("${guichet.stockage.s3.cle-acces:}") String cleAcces,
                          @Value("${guichet.stockage.s3.cle-secrete:}") String cleSecrete) {
        return new ReglagesS3(seau, pointDeTerminaison, region, prefixe, cheminDansUrl, cleAcces, cleSecrete);
    }

    @Bean(destroyMethod = "close")
    S3Client clientS3(ReglagesS3 reglages) {
        return reglages.client();
    }

    @Bean
    StockageFichiers stockageFichiersS3(S3Client client, ReglagesS3 reglages,
                                        @Value("${java.io.tmpdir}") Path temporaires) {
        return new StockageFichiersS3(client, reglages.seau(), reglages.prefixe(), temporaires.resolve("guichet-envois"));
    }
}
