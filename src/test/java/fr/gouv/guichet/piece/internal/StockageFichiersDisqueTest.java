package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.piece.TailleMaximaleDepasseeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockageFichiersDisqueTest {

    @TempDir
    Path racine;

    @Test
    void enregistre_puis_relit_le_meme_contenu_sous_une_cle_portant_son_empreinte() throws Exception {
        StockageFichiersDisque stockage = new StockageFichiersDisque(racine.resolve("fichiers"));
        byte[] contenu = aleatoire(300_000);

        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length);

        assertThat(cle).matches(StockageFichiers.FORMAT_CLE);
        assertThat(StockageFichiers.sha256(cle)).isEqualTo(sha256(contenu));
        assertThat(stockage.existe(cle)).isTrue();
        try (InputStream relu = stockage.ouvrir(cle)) {
            assertThat(relu.readAllBytes()).isEqualTo(contenu);
        }
        assertThat(racine.resolve("fichiers").resolve(cle.substring(0, 2)).resolve(cle.substring(2, 4)).resolve(cle))
                .isRegularFile().hasBinaryContent(contenu);
        assertThat(fichiersTemporaires()).isEmpty();
    }

    @Test
    void supprime_de_facon_idempotente() {
        StockageFichiersDisque stockage = new StockageFichiersDisque(racine);
        String cle = stockage.enregistrer(new ByteArrayInputStream(octets("affiche")), 100);

        stockage.supprimer(cle);
        stockage.supprimer(cle);

        assertThat(stockage.existe(cle)).isFalse();
        assertThatThrownBy(() -> stockage.ouvrir(cle))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refuse_un_contenu_trop_gros_sans_rien_laisser() throws IOException {
        StockageFichiersDisque stockage = new StockageFichiersDisque(racine);

        assertThatThrownBy(() -> stockage.enregistrer(new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(TailleMaximaleDepasseeException.class);

        try (Stream<Path> tout = Files.walk(racine)) {
            assertThat(tout.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void un_contenu_vide_ou_exactement_a_la_taille_maximale_est_enregistre() {
        StockageFichiersDisque stockage = new StockageFichiersDisque(racine);

        String vide = stockage.enregistrer(new ByteArrayInputStream(new byte[0]), 0);
        String plein = stockage.enregistrer(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(StockageFichiers.sha256(vide))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(stockage.existe(plein)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "../../../../etc/passwd",
            "..",
            "",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855_../../../../../../etc/passwd",
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855_0123456789abcdef0123456789abcdef",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855_0123456789abcdef0123456789abcdef/..",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855_0123456789abcdef0123456789abcdef\n",
            "/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855_0123456789abcdef0123456789abcde",
    })
    void une_cle_invalide_ne_touche_jamais_le_disque(String cle) throws IOException {
        Path secret = Files.writeString(racine.resolve("secret.txt"), "ne pas lire");
        StockageFichiersDisque stockage = new StockageFichiersDisque(racine.resolve("fichiers"));

        assertThatThrownBy(() -> stockage.ouvrir(cle)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stockage.existe(cle)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stockage.supprimer(cle)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StockageFichiers.sha256(cle)).isInstanceOf(IllegalArgumentException.class);
        assertThat(secret).exists();
    }

    @Test
    void une_cle_valide_reste_sous_la_racine() {
        StockageFichiersDisque stockage = new StockageFichiersDisque(racine.resolve("a/../fichiers"));
        String cle = "ab".repeat(32) + "_" + "0".repeat(32);

        Path chemin = stockage.chemin(cle);

        assertThat(chemin).isEqualTo(racine.resolve("fichiers/ab/ab").resolve(cle));
        assertThat(chemin.startsWith(racine.resolve("fichiers"))).isTrue();
    }

    @Test
    void des_envois_simultanes_du_meme_contenu_restent_independants() throws Exception {
        StockageFichiersDisque stockage = new StockageFichiersDisque(racine);
        byte[] contenu = aleatoire(200_000);
        int envois = 16;
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<String>> cles = new ArrayList<>();
        try (ExecutorService executeur = Executors.newFixedThreadPool(envois)) {
            for (int i = 0; i < envois; i++) {
                Callable<String> envoi = () -> {
                    depart.await();
                    return stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length);
                };
                cles.add(executeur.submit(envoi));
            }
            depart.countDown();
            HashSet<String> distinctes = new HashSet<>();
            for (Future<String> cle : cles) {
                distinctes.add(cle.get());
            }
            assertThat(distinctes).hasSize(envois);
            for (String cle : distinctes) {
                assertThat(StockageFichiers.sha256(cle)).isEqualTo(sha256(contenu));
                try (InputStream relu = stockage.ouvrir(cle)) {
                    assertThat(relu.readAllBytes()).isEqualTo(contenu);
                }
            }
            stockage.supprimer(distinctes.iterator().next());
            assertThat(distinctes.stream().filter(stockage::existe)).hasSize(envois - 1);
        }
        assertThat(fichiersTemporaires()).isEmpty();
    }

    private List<Path> fichiersTemporaires() throws IOException {
        try (Stream<Path> tout = Files.walk(racine)) {
            return tout.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private static byte[] aleatoire(int taille) {
        byte[] octets = new byte[taille];
        new Random(7).nextBytes(octets);
        return octets;
    }

    private static byte[] octets(String texte) {
        return texte.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] contenu) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
    }
}
