package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.piece.TailleMaximaleDepasseeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link StockageFichiersS3} against a real S3 server (s3proxy) on loopback. */
class StockageFichiersS3Test {

    @TempDir
    static Path dossierServeur;
    @TempDir
    Path temporaires;

    private static ServeurS3DeTest serveur;
    private static S3Client client;
    private static int seaux;

    private String seau;
    private StockageFichiersS3 stockage;

    @BeforeAll
    static void demarrerServeur() throws Exception {
        serveur = new ServeurS3DeTest(dossierServeur);
    }

    @AfterAll
    static void arreterServeur() throws Exception {
        if (client != null) {
            client.close();
        }
        serveur.close();
    }

    @BeforeEach
    void nouveauSeau() {
        seau = "pieces-" + (++seaux);
        if (client == null) {
            client = serveur.clientAvecSeau(seau);
        } else {
            client.createBucket(r -> r.bucket(seau));
        }
        stockage = new StockageFichiersS3(client, seau, "fichiers/", temporaires);
    }

    @Test
    void enregistre_puis_relit_en_flux_le_meme_contenu_sous_une_cle_portant_son_empreinte() throws Exception {
        byte[] contenu = aleatoire(3_000_000);

        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length);

        assertThat(cle).matches(StockageFichiers.FORMAT_CLE);
        assertThat(StockageFichiers.sha256(cle)).isEqualTo(sha256(contenu));
        assertThat(stockage.existe(cle)).isTrue();
        try (InputStream relu = stockage.ouvrir(cle)) {
            assertThat(relu).isInstanceOf(ResponseInputStream.class);
            assertThat(relu.readAllBytes()).isEqualTo(contenu);
        }
        var entete = client.headObject(r -> r.bucket(seau).key("fichiers/" + cle));
        assertThat(entete.contentLength()).isEqualTo(contenu.length);
        assertThat(entete.metadata()).containsEntry("sha256", sha256(contenu));
        assertThat(stockage.sha256Relu(cle)).isEqualTo(sha256(contenu));
        assertThat(fichiersTemporaires()).isZero();
    }

    @Test
    void deux_envois_du_meme_contenu_ont_deux_cles_et_un_objet_n_est_jamais_remplace() throws Exception {
        byte[] contenu = "même contenu".getBytes();
        String premiere = stockage.enregistrer(new ByteArrayInputStream(contenu), 100);
        String seconde = stockage.enregistrer(new ByteArrayInputStream(contenu), 100);
        assertThat(premiere).isNotEqualTo(seconde).startsWith(seconde.substring(0, 64));

        Path autre = temporaires.resolve("autre");
        Files.write(autre, "autre contenu".getBytes());
        StockageFichiersS3.Empreintes empreintes;
        try (InputStream in = Files.newInputStream(autre)) {
            empreintes = StockageFichiersS3.copier(in, java.io.OutputStream.nullOutputStream(), 100);
        }
        assertThatThrownBy(() -> stockage.deposer(premiere, autre, empreintes))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("412");
        try (InputStream relu = stockage.ouvrir(premiere)) {
            assertThat(relu.readAllBytes()).isEqualTo(contenu);
        }
    }

    @Test
    void un_contenu_trop_grand_n_est_pas_envoye() {
        assertThatThrownBy(() -> stockage.enregistrer(new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOf(TailleMaximaleDepasseeException.class);
        assertThat(client.listObjectsV2(r -> r.bucket(seau)).contents()).isEmpty();
        assertThat(fichiersTemporaires()).isZero();
    }

    @Test
    void une_cle_inconnue_est_un_fichier_absent_et_la_suppression_est_idempotente() {
        String cle = stockage.enregistrer(new ByteArrayInputStream("à supprimer".getBytes()), 100);
        stockage.supprimer(cle);
        stockage.supprimer(cle);
        assertThat(stockage.existe(cle)).isFalse();
        assertThatThrownBy(() -> stockage.ouvrir(cle))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void une_cle_malformee_n_atteint_jamais_le_seau() {
        for (String cle : new String[] {"../x", "a".repeat(64) + "_" + "b".repeat(31), ("a".repeat(64) + "_" + "b".repeat(32)).toUpperCase()}) {
            assertThatThrownBy(() -> stockage.ouvrir(cle)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> stockage.existe(cle)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> stockage.supprimer(cle)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void le_disque_est_le_defaut_et_guichet_stockage_type_s3_choisit_le_seau() {
        ApplicationContextRunner contexte = new ApplicationContextRunner()
                .withUserConfiguration(StockageFichiersDisque.class, ConfigurationStockageS3.class)
                .withPropertyValues("guichet.stockage.repertoire=" + temporaires);
        contexte.run(c -> assertThat(c.getBean(StockageFichiers.class)).isInstanceOf(StockageFichiersDisque.class));
        contexte.withPropertyValues("guichet.stockage.type=s3", "guichet.stockage.s3.seau=" + seau,
                        "guichet.stockage.s3.point-de-terminaison=" + serveur.adresse(),
                        "guichet.stockage.s3.cle-acces=" + ServeurS3DeTest.IDENTITE,
                        "guichet.stockage.s3.cle-secrete=" + ServeurS3DeTest.SECRET)
                .run(c -> {
                    StockageFichiers s3 = c.getBean(StockageFichiers.class);
                    assertThat(s3).isInstanceOf(StockageFichiersS3.class);
                    String cle = s3.enregistrer(new ByteArrayInputStream("par la configuration".getBytes()), 100);
                    assertThat(stockage.existe(cle)).isTrue();
                });
        contexte.withPropertyValues("guichet.stockage.type=s3")
                .run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("guichet.stockage.s3.seau"));
    }

    private long fichiersTemporaires() {
        if (!Files.exists(temporaires)) {
            return 0;
        }
        try (Stream<Path> fichiers = Files.list(temporaires)) {
            return fichiers.count();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] aleatoire(int taille) {
        byte[] octets = new byte[taille];
        new Random(taille).nextBytes(octets);
        return octets;
    }

    static String sha256(byte[] contenu) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
    }
}
