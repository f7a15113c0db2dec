package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.piece.TailleMaximaleDepasseeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@link StockageFichiers} on a local (or mounted) directory, property {@code guichet.stockage.repertoire}
 * (default {@code <guichet.data-dir>/fichiers}, i.e. {@code ./data/fichiers}).
 *
 * <p>Each file is written to a temporary file in the root directory while its SHA-256 is computed, forced to disk,
 * then atomically moved to {@code <root>/ab/cd/<key>} (the first four hex digits of the key) and the target directory
 * is synced where the platform allows it: a crash leaves either nothing or the complete file under its key, at worst
 * an orphan {@code .part} temporary file. Keys are checked against {@link StockageFichiers#FORMAT_CLE} before any
 * path is built, so a key can never name a file outside the root.
 *
 * <p>The embedded default; with several instances, {@code guichet.stockage.type=s3} replaces it by
 * {@link StockageFichiersS3} (S3-compatible object storage), and {@link MigrationDisqueVersS3} copies an existing
 * directory into the bucket.
 */
@Component
@ConditionalOnProperty(name = "guichet.stockage.type", havingValue = "disque", matchIfMissing = true)
class StockageFichiersDisque implements StockageFichiers {

    private static final String SUFFIXE_TEMPORAIRE = ".part";

    private final Path racine;
    private final SecureRandom aleas = new SecureRandom();

    StockageFichiersDisque(@Value("${guichet.stockage.repertoire:${guichet.data-dir:./data}/fichiers}") Path racine) {
        this.racine = racine.toAbsolutePath().normalize();
    }

    @Override
    public String enregistrer(InputStream contenu, long tailleMax) {
        @Nullable Path temporaire = null;
        try {
            Files.createDirectories(racine);
            temporaire = Files.createTempFile(racine, "envoi-", SUFFIXE_TEMPORAIRE);
            String sha256 = copierEtSynchroniser(contenu, temporaire, tailleMax);
            byte[] hasard = new byte[16];
            aleas.nextBytes(hasard);
            String cle = sha256 + "_" + HexFormat.of().formatHex(hasard);
            Path cible = chemin(cle);
            Files.createDirectories(cible.getParent());
            Files.move(temporaire, cible, StandardCopyOption.ATOMIC_MOVE);
            temporaire = null;
            synchroniserRepertoire(cible.getParent());
            return cle;
        } catch (IOException e) {
            throw new UncheckedIOException("Échec de l’enregistrement du fichier", e);
        } finally {
            supprimerSilencieusement(temporaire);
        }
    }

    @Override
    public InputStream ouvrir(String cle) {
        Path fichier = chemin(cle);
        try {
            return Files.newInputStream(fichier);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Aucun fichier pour la clé " + cle, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture impossible du fichier " + cle, e);
        }
    }

    @Override
    public boolean existe(String cle) {
        return Files.isRegularFile(chemin(cle));
    }

    @Override
    public void supprimer(String cle) {
        Path fichier = chemin(cle);
        try {
            if (Files.deleteIfExists(fichier)) {
                synchroniserRepertoire(fichier.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Suppression impossible du fichier " + cle, e);
        }
    }

    /** The only place a path is built from a key. */
    Path chemin(String cle) {
        if (!StockageFichiers.estCleValide(cle)) {
            throw new IllegalArgumentException("Clé de stockage invalide");
        }
        Path fichier = racine.resolve(cle.substring(0, 2)).resolve(cle.substring(2, 4)).resolve(cle).normalize();
        if (!fichier.startsWith(racine)) {
            throw new IllegalArgumentException("Clé de stockage invalide");
        }
        return fichier;
    }

    private static String copierEtSynchroniser(InputStream contenu, Path temporaire, long tailleMax)
            throws IOException {
        MessageDigest empreinte = LectureContenu.nouvelleEmpreinte();
        byte[] tampon = new byte[64 * 1024];
        long taille = 0;
        try (FileChannel canal = FileChannel.open(temporaire, StandardOpenOption.WRITE)) {
            int lus;
            while ((lus = contenu.read(tampon)) != -1) {
                taille += lus;
                if (taille > tailleMax) {
                    throw new TailleMaximaleDepasseeException(tailleMax);
                }
                empreinte.update(tampon, 0, lus);
                ByteBuffer bloc = ByteBuffer.wrap(tampon, 0, lus);
                while (bloc.hasRemaining()) {
                    canal.write(bloc);
                }
            }
            canal.force(true);
        }
        return HexFormat.of().formatHex(empreinte.digest());
    }

    /** Makes a rename or a deletion durable; not possible on every platform (e.g. Windows), then skipped. */
    private static void synchroniserRepertoire(Path repertoire) {
        try (FileChannel canal = FileChannel.open(repertoire, StandardOpenOption.READ)) {
            canal.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // directory sync is best effort
        }
    }

    private static void supprimerSilencieusement(@Nullable Path temporaire) {
        if (temporaire == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporaire);
        } catch (IOException e) {
            // an orphan .part file is harmless
        }
    }
}
