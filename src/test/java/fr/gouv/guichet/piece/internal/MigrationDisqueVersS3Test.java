package fr.gouv.guichet.piece.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Disk → bucket migration against a real S3 server (s3proxy) on loopback, interrupted by an outage then resumed. */
class MigrationDisqueVersS3Test {

    @TempDir
    Path dossierServeur;
    @TempDir
    Path disque;
    @TempDir
    Path temporaires;

    @Test
    void copie_verifie_reprend_apres_une_panne_et_signale_une_source_corrompue() throws Exception {
        StockageFichiersDisque source = new StockageFichiersDisque(disque);
        List<String> cles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cles.add(source.enregistrer(new ByteArrayInputStream(StockageFichiersS3Test.aleatoire(50_000 + i)), 1_000_000));
        }
        String corrompue = cles.get(5);
        Files.write(source.chemin(corrompue), "altéré".getBytes(StandardCharsets.UTF_8));
        Files.writeString(disque.resolve("envoi-123.part"), "temporaire orphelin, ignoré");

        try (ServeurS3DeTest serveur = new ServeurS3DeTest(dossierServeur);
             S3Client client = serveur.clientAvecSeau("migration")) {
            StockageFichiersS3 cible = new StockageFichiersS3(client, "migration", "fichiers/", temporaires);

            // First run: the server goes down after the second copy.
            MigrationDisqueVersS3.Bilan interrompu = new MigrationDisqueVersS3(disque, cible,
                    journalQuiArreteApres(2, serveur)).executer();
            assertThat(interrompu.copies()).isEqualTo(2);
            assertThat(interrompu.complet()).isFalse();
            assertThat(interrompu.erreurs()).hasSize(4);

            // Second run, server back: the two copies are recognised, the rest is copied, the corrupted file refused.
            serveur.demarrer();
            MigrationDisqueVersS3.Bilan repris = new MigrationDisqueVersS3(disque, cible, journal()).executer();
            assertThat(repris.dejaPresents()).isEqualTo(2);
            assertThat(repris.copies()).isEqualTo(3);
            assertThat(repris.erreurs()).singleElement().asString()
                    .startsWith(corrompue).contains("fichier source corrompu");
            assertThat(cible.existe(corrompue)).isFalse();
            for (String cle : cles.subList(0, 5)) {
                try (InputStream dansLeSeau = cible.ouvrir(cle); InputStream surLeDisque = source.ouvrir(cle)) {
                    assertThat(dansLeSeau.readAllBytes()).isEqualTo(surLeDisque.readAllBytes());
                }
            }
            assertThat(client.listObjectsV2(r -> r.bucket("migration")).contents()).hasSize(5);

            // Third run: nothing left to copy, nothing replaced.
            MigrationDisqueVersS3.Bilan rien = new MigrationDisqueVersS3(disque, cible, journal()).executer();
            assertThat(rien.copies()).isZero();
            assertThat(rien.dejaPresents()).isEqualTo(5);
        }
    }

    @Test
    void un_objet_different_deja_dans_le_seau_n_est_jamais_remplace() throws Exception {
        StockageFichiersDisque source = new StockageFichiersDisque(disque);
        String cle = source.enregistrer(new ByteArrayInputStream("original".getBytes()), 100);
        try (ServeurS3DeTest serveur = new ServeurS3DeTest(dossierServeur);
             S3Client client = serveur.clientAvecSeau("divergent")) {
            client.putObject(r -> r.bucket("divergent").key("fichiers/" + cle),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("autre chose"));
            StockageFichiersS3 cible = new StockageFichiersS3(client, "divergent", "fichiers/", temporaires);

            MigrationDisqueVersS3.Bilan bilan = new MigrationDisqueVersS3(disque, cible, journal()).executer();

            assertThat(bilan.erreurs()).singleElement().asString().contains("jamais remplacé");
            try (InputStream in = cible.ouvrir(cle)) {
                assertThat(new String(in.readAllBytes())).isEqualTo("autre chose");
            }
        }
    }

    private static PrintStream journal() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** A log that stops the server when it is told of the {@code n}-th copy. */
    private static PrintStream journalQuiArreteApres(int n, ServeurS3DeTest serveur) {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8) {
            private int copies;

            @Override
            public void println(String ligne) {
                if (ligne.startsWith("copié ") && ++copies == n) {
                    try {
                        serveur.arreter();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
    }
}
