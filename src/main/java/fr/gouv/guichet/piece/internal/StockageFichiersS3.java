package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.piece.TailleMaximaleDepasseeException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StockageFichiers} in an S3-compatible bucket (AWS SDK for Java v2), selected by
 * {@code guichet.stockage.type=s3} (see {@link ConfigurationStockageS3} and the README).
 *
 * <p>Write once: the key holds the content's SHA-256 and 128 random bits, the object is sent whole with its MD5
 * ({@code Content-MD5}, checked by the server) and its SHA-256 in the metadata, with {@code If-None-Match: *} so that
 * an existing object is never replaced; the bucket should also have versioning or Object Lock on (README). The
 * content is first spooled to a temporary file while its digests are computed (nothing is held in memory), since the
 * key cannot be known before the last byte. Reads stream the object ({@link #ouvrir}); nothing is ever made public
 * (no ACL, no pre-signed URL): files leave the bucket only through Guichet.
 */
final class StockageFichiersS3 implements StockageFichiers {

    static final String META_SHA256 = "sha256";

    private final S3Client client;
    private final String seau;
    private final String prefixe;
    private final Path temporaires;
    private final SecureRandom aleas = new SecureRandom();

    StockageFichiersS3(S3Client client, String seau, String prefixe, Path temporaires) {
        this.client = client;
        this.seau = seau;
        this.prefixe = prefixe;
        this.temporaires = temporaires;
    }

    @Override
    public String enregistrer(InputStream contenu, long tailleMax) {
        @Nullable Path temporaire = null;
        try {
            Files.createDirectories(temporaires);
            temporaire = Files.createTempFile(temporaires, "envoi-s3-", ".part");
            Empreintes empreintes = copier(contenu, temporaire, tailleMax);
            byte[] hasard = new byte[16];
            aleas.nextBytes(hasard);
            String cle = empreintes.sha256() + "_" + HexFormat.of().formatHex(hasard);
            deposer(cle, temporaire, empreintes);
            return cle;
        } catch (IOException e) {
            throw new UncheckedIOException("Échec de l’enregistrement du fichier", e);
        } finally {
            if (temporaire != null) {
                try {
                    Files.deleteIfExists(temporaire);
                } catch (IOException e) {
                    // an orphan temporary file is harmless
                }
            }
        }
    }

    /**
     * Sends a complete local file under {@code cle}, never replacing an existing object (HTTP 412 from the server is
     * thrown as an {@link UncheckedIOException}).
     */
    void deposer(String cle, Path fichier, Empreintes empreintes) {
        try {
            client.putObject(r -> r.bucket(seau).key(objet(cle))
                            .contentLength(empreintes.taille())
                            .contentMD5(Base64.getEncoder().encodeToString(empreintes.md5()))
                            .contentType("application/octet-stream")
                            .ifNoneMatch("*")
                            .metadata(Map.of(META_SHA256, empreintes.sha256())),
                    RequestBody.fromFile(fichier));
        } catch (S3Exception e) {
            throw new UncheckedIOException("Échec de l’envoi du fichier " + cle + " au stockage objet (HTTP "
                    + e.statusCode() + ")", new IOException(e));
        }
    }

    @Override
    public InputStream ouvrir(String cle) {
        try {
            return client.getObject(r -> r.bucket(seau).key(objet(cle)));
        } catch (NoSuchKeyException e) {
            throw new UncheckedIOException("Aucun fichier pour la clé " + cle, new NoSuchFileException(cle));
        } catch (S3Exception e) {
            throw new UncheckedIOException("Lecture impossible du fichier " + cle, new IOException(e));
        }
    }

    @Override
    public boolean existe(String cle) {
        return entete(cle).isPresent();
    }

    /** The object's metadata, empty when there is none under {@code cle}. */
    Optional<HeadObjectResponse> entete(String cle) {
        try {
            return Optional.of(client.headObject(r -> r.bucket(seau).key(objet(cle))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new UncheckedIOException("Stockage objet injoignable pour " + cle, new IOException(e));
        }
    }

    @Override
    public void supprimer(String cle) {
        try {
            client.deleteObject(r -> r.bucket(seau).key(objet(cle)));
        } catch (S3Exception e) {
            throw new UncheckedIOException("Suppression impossible du fichier " + cle, new IOException(e));
        }
    }

    /** Reads the stored object through and returns its SHA-256 (lowercase hexadecimal). */
    String sha256Relu(String cle) {
        try (InputStream in = ouvrir(cle)) {
            return copier(in, OutputStream.nullOutputStream(), Long.MAX_VALUE).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException("Relecture impossible du fichier " + cle, e);
        }
    }

    /** The only place an object name is built from a key. */
    String objet(String cle) {
        if (!StockageFichiers.estCleValide(cle)) {
            throw new IllegalArgumentException("Clé de stockage invalide");
        }
        return prefixe + cle;
    }

    /** Size, SHA-256 and MD5 of a content. */
    record Empreintes(long taille, String sha256, byte[] md5) {
    }

    static Empreintes copier(InputStream contenu, Path cible, long tailleMax) throws IOException {
        try (OutputStream sortie = Files.newOutputStream(cible)) {
            return copier(contenu, sortie, tailleMax);
        }
    }

    static Empreintes copier(InputStream contenu, OutputStream sortie, long tailleMax) throws IOException {
        MessageDigest sha256 = LectureContenu.nouvelleEmpreinte();
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] tampon = new byte[64 * 1024];
        long taille = 0;
        int lus;
        while ((lus = contenu.read(tampon)) != -1) {
            taille += lus;
            if (taille > tailleMax) {
                throw new TailleMaximaleDepasseeException(tailleMax);
            }
            sha256.update(tampon, 0, lus);
            md5.update(tampon, 0, lus);
            sortie.write(tampon, 0, lus);
        }
        return new Empreintes(taille, HexFormat.of().formatHex(sha256.digest()), md5.digest());
    }
}
