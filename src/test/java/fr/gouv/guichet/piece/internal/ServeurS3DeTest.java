package fr.gouv.guichet.piece.internal;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3 server (s3proxy, objects in a local directory) on a free loopback port, with AWS v4 authentication;
 * {@link #arreter()} then {@link #demarrer()} simulates an outage on the same port, objects kept.
 */
final class ServeurS3DeTest implements AutoCloseable {

    static final String IDENTITE = "guichet-test";
    static final String SECRET = "secret-de-test-0123456789";

    private final Path repertoire;
    private final int port;
    private S3Proxy serveur;

    ServeurS3DeTest(Path repertoire) throws Exception {
        this.repertoire = repertoire;
        try (ServerSocket libre = new ServerSocket(0)) {
            this.port = libre.getLocalPort();
        }
        demarrer();
    }

    void demarrer() throws Exception {
        Properties proprietes = new Properties();
        proprietes.setProperty("jclouds.filesystem.basedir", repertoire.toString());
        proprietes.setProperty("jclouds.identity", IDENTITE);
        proprietes.setProperty("jclouds.credential", SECRET);
        serveur = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem-nio2", proprietes))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITE, SECRET)
                .build();
        serveur.start();
        while (!"STARTED".equals(serveur.getState())) {
            Thread.sleep(10);
        }
    }

    void arreter() throws Exception {
        serveur.stop();
    }

    String adresse() {
        return "http://127.0.0.1:" + port;
    }

    ReglagesS3 reglages(String seau) {
        return new ReglagesS3(seau, adresse(), "us-east-1", "fichiers/", true, IDENTITE, SECRET);
    }

    /** A client, and the bucket created. */
    S3Client clientAvecSeau(String seau) {
        S3Client client = reglages(seau).client();
        client.createBucket(r -> r.bucket(seau));
        return client;
    }

    @Override
    public void close() throws Exception {
        arreter();
    }
}
