package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.StockageFichiers;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies a local store ({@link StockageFichiersDisque}'s directory) into an S3 bucket, keeping every key, and can be
 * run again after an interruption: the bucket itself is the progress record.
 *
 * <p>For each file of the directory whose name is a key: the file is read and its SHA-256 compared with the key's
 * (a corrupted source is reported, never copied); an object already in the bucket with the same size and SHA-256
 * metadata is counted as done (a resumed run skips it); otherwise the file is sent ({@code Content-MD5} checked by
 * the server, never replacing an object), then read back from the bucket and its SHA-256 compared with the key's.
 * Nothing is deleted from the directory. The exit status is 0 only when every file is in the bucket and verified.
 *
 * <p>Command (README, « Stockage objet ») :
 * {@code java -cp guichet.jar -Dloader.main=fr.gouv.guichet.piece.internal.MigrationDisqueVersS3
 * org.springframework.boot.loader.launch.PropertiesLauncher --source=./data/fichiers --guichet.stockage.s3.seau=…}
 */
public final class MigrationDisqueVersS3 {

    /** What a run did. */
    public record Bilan(int copies, int dejaPresents, List<String> erreurs) {
        public boolean complet() {
            return erreurs.isEmpty();
        }
    }

    private final Path source;
    private final StockageFichiersS3 cible;
    private final PrintStream journal;

    MigrationDisqueVersS3(Path source, StockageFichiersS3 cible, PrintStream journal) {
        this.source = source.toAbsolutePath().normalize();
        this.cible = cible;
        this.journal = journal;
    }

    Bilan executer() {
        int copies = 0;
        int dejaPresents = 0;
        List<String> erreurs = new ArrayList<>();
        List<Path> fichiers;
        try (Stream<Path> arbre = Files.walk(source)) {
            fichiers = arbre.filter(Files::isRegularFile)
                    .filter(p -> StockageFichiers.estCleValide(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture impossible du répertoire " + source, e);
        }
        for (Path fichier : fichiers) {
            String cle = fichier.getFileName().toString();
            try {
                switch (migrer(cle, fichier)) {
                    case COPIE -> copies++;
                    case DEJA_PRESENT -> dejaPresents++;
                }
            } catch (RuntimeException e) {
                erreurs.add(cle + " : " + e.getMessage());
                journal.println("ERREUR " + cle + " : " + e.getMessage());
            }
        }
        journal.printf("Migration : %d fichier(s) copié(s) et vérifié(s), %d déjà présent(s), %d erreur(s)%n",
                copies, dejaPresents, erreurs.size());
        return new Bilan(copies, dejaPresents, List.copyOf(erreurs));
    }

    private enum Issue { COPIE, DEJA_PRESENT }

    private Issue migrer(String cle, Path fichier) {
        String attendu = StockageFichiers.sha256(cle);
        StockageFichiersS3.Empreintes empreintes;
        try (InputStream in = Files.newInputStream(fichier)) {
            empreintes = StockageFichiersS3.copier(in, OutputStream.nullOutputStream(), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("lecture impossible", e);
        }
        if (!empreintes.sha256().equals(attendu)) {
            throw new IllegalStateException("fichier source corrompu (SHA-256 " + empreintes.sha256() + ")");
        }
        Optional<HeadObjectResponse> existant = cible.entete(cle);
        if (existant.isPresent()) {
            HeadObjectResponse objet = existant.get();
            if (objet.contentLength() == empreintes.taille() && attendu.equals(objet.metadata().get(StockageFichiersS3.META_SHA256))) {
                return Issue.DEJA_PRESENT;
            }
            throw new IllegalStateException("un objet différent existe déjà dans le seau (jamais remplacé)");
        }
        cible.deposer(cle, fichier, empreintes);
        String relu = cible.sha256Relu(cle);
        if (!relu.equals(attendu)) {
            throw new IllegalStateException("objet relu différent (SHA-256 " + relu + ")");
        }
        journal.println("copié " + cle);
        return Issue.COPIE;
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int egal = arg.indexOf('=');
            if (!arg.startsWith("--") || egal < 0) {
                System.err.println("Argument non reconnu : " + arg + " (attendu : --nom=valeur)");
                System.exit(2);
            }
            options.put(arg.substring(2, egal), arg.substring(egal + 1));
        }
        String source = options.getOrDefault("source", "./data/fichiers");
        ReglagesS3 reglages = new ReglagesS3(options.get("guichet.stockage.s3.seau"),
                options.get("guichet.stockage.s3.point-de-terminaison"),
                options.getOrDefault("guichet.stockage.s3.region", "us-east-1"),
                options.getOrDefault("guichet.stockage.s3.prefixe", "fichiers/"),
                Boolean.parseBoolean(options.getOrDefault("guichet.stockage.s3.chemin-dans-url", "true")),
                options.get("guichet.stockage.s3.cle-acces"), options.get("guichet.stockage.s3.cle-secrete"));
        Bilan bilan;
        try (S3Client client = reglages.client()) {
            StockageFichiersS3 cible = new StockageFichiersS3(client, reglages.seau(), reglages.prefixe(),
                    Path.of(System.getProperty("java.io.tmpdir")));
            bilan = new MigrationDisqueVersS3(Path.of(source), cible, System.out).executer();
        }
        System.exit(bilan.complet() ? 0 : 1);
    }
}
