package fr.gouv.guichet.piece.internal;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;

/**
 * Settings of the S3-compatible object store ({@code guichet.stockage.s3.*}, see the README).
 *
 * @param seau               bucket name (required)
 * @param pointDeTerminaison endpoint URL of an S3-compatible service; empty for AWS itself
 * @param region             signing region
 * @param prefixe            prefix of every object name (e.g. {@code pieces/})
 * @param cheminDansUrl      path-style addressing ({@code https://host/bucket/key}), which most non-AWS services need
 * @param cleAcces           access key id; empty to use the SDK's default chain (environment, web identity…)
 * @param cleSecrete         secret access key, only with {@code cleAcces}
 */
record ReglagesS3(String seau, @Nullable String pointDeTerminaison, String region, String prefixe, boolean cheminDansUrl,
                  @Nullable String cleAcces, @Nullable String cleSecrete) {

    ReglagesS3 {
        if (seau == null || !seau.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("guichet.stockage.s3.seau : nom de seau S3 invalide ou absent");
        }
    }

    /**
     * A client for these settings. Checksums are only computed where the API requires them (many S3-compatible
     * services reject the SDK's default trailing CRC checksums); integrity is checked by {@code Content-MD5} instead.
     */
    S3Client client() {
        S3ClientBuilder constructeur = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(cheminDansUrl)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(identifiants());
        if (pointDeTerminaison != null && !pointDeTerminaison.isBlank()) {
            constructeur.endpointOverride(URI.create(pointDeTerminaison));
        }
        return constructeur.build();
    }

    private AwsCredentialsProvider identifiants() {
        if (cleAcces != null && !cleAcces.isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(cleAcces, cleSecrete == null ? "" : cleSecrete));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
