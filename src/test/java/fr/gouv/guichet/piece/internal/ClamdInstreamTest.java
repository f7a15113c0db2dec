package fr.gouv.guichet.piece.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ClamdInstream} against Debian's real clamd, started here with an offline EICAR signature. */
class ClamdInstreamTest {

    @TempDir
    static Path repertoire;
    static ClamdDeTest clamd;

    @BeforeAll
    static void demarrer() throws Exception {
        clamd = new ClamdDeTest(repertoire);
    }

    @AfterAll
    static void arreter() throws Exception {
        clamd.close();
    }

    @Test
    void la_chaine_eicar_est_detectee() throws IOException {
        Antivirus.Verdict verdict = clamd.client().analyser(flux(("début " + ClamdDeTest.EICAR + " fin").getBytes(StandardCharsets.US_ASCII)));
        assertThat(verdict.infecte()).isTrue();
        assertThat(verdict.signature()).startsWith(ClamdDeTest.SIGNATURE);
    }

    @Test
    void eicar_dans_un_flux_compresse_d_un_pdf_est_detecte() throws IOException {
        byte[] pdf = PdfsDeTest.pdfCompresseAvecCommentaire(ClamdDeTest.EICAR);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("la chaîne n’apparaît pas en clair").doesNotContain("EICAR");
        assertThat(new AntivirusDemonstration().analyser(flux(pdf)).infecte()).as("invisible sans décompression").isFalse();

        Antivirus.Verdict verdict = clamd.client().analyser(flux(pdf));

        assertThat(verdict.signature()).startsWith(ClamdDeTest.SIGNATURE);
    }

    @Test
    void un_pdf_sain_et_un_gros_fichier_sain_sont_sains() throws IOException {
        assertThat(clamd.client().analyser(flux(PdfsDeTest.pdfCompresseAvecCommentaire("rien à signaler"))).infecte()).isFalse();
        byte[] gros = new byte[8 * 1024 * 1024 + 17];
        new Random(1).nextBytes(gros);
        assertThat(clamd.client().analyser(flux(gros)).signature()).isNull();
    }

    @Test
    void clamd_arrete_ne_donne_aucun_verdict() throws Exception {
        ClamdInstream client = clamd.client();
        assertThat(client.repond()).isTrue();
        clamd.arreter();
        try {
            assertThat(client.repond()).isFalse();
            assertThatThrownBy(() -> client.analyser(flux("x".getBytes()))).isInstanceOf(IOException.class);
        } finally {
            clamd.demarrer();
        }
        assertThat(client.analyser(flux(ClamdDeTest.EICAR.getBytes(StandardCharsets.US_ASCII))).infecte()).isTrue();
    }

    @Test
    void l_analyseur_de_demonstration_ne_reconnait_que_la_chaine_eicar() throws IOException {
        AntivirusDemonstration demonstration = new AntivirusDemonstration();
        assertThat(demonstration.analyser(flux(PdfsDeTest.pdfEnClair(ClamdDeTest.EICAR))).signature())
                .isEqualTo(AntivirusDemonstration.SIGNATURE);
        assertThat(demonstration.analyser(flux(("XX5O!P" + ClamdDeTest.EICAR.substring(0, 60)).getBytes())).infecte()).isFalse();
        assertThat(demonstration.analyser(flux(new byte[0])).infecte()).isFalse();
        assertThat(demonstration.nom()).contains("démonstration");
    }

    @Test
    void l_analyseur_de_demonstration_lit_par_blocs_et_trouve_la_chaine_a_cheval_sur_deux_blocs() throws IOException {
        AntivirusDemonstration demonstration = new AntivirusDemonstration();
        byte[] eicar = ClamdDeTest.EICAR.getBytes(StandardCharsets.US_ASCII);
        for (int coupe : new int[] {1, eicar.length / 2, eicar.length - 1}) {
            byte[] contenu = new byte[3 * AntivirusDemonstration.BLOC];
            java.util.Arrays.fill(contenu, (byte) 'a');
            System.arraycopy(eicar, 0, contenu, 2 * AntivirusDemonstration.BLOC - coupe, eicar.length);
            assertThat(demonstration.analyser(flux(contenu)).signature()).as("coupée après %d octets", coupe)
                    .isEqualTo(AntivirusDemonstration.SIGNATURE);
            // A stream that gives one byte at a time is read just the same.
            assertThat(demonstration.analyser(new java.io.FilterInputStream(flux(contenu)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 1));
                }
            }).infecte()).isTrue();
        }
        byte[] finale = new byte[AntivirusDemonstration.BLOC + 10];
        System.arraycopy(eicar, 0, finale, finale.length - eicar.length, eicar.length);
        assertThat(demonstration.analyser(flux(finale)).infecte()).as("en toute fin").isTrue();
        byte[] sain = new byte[2 * AntivirusDemonstration.BLOC];
        new Random(2).nextBytes(sain);
        assertThat(demonstration.analyser(flux(sain)).infecte()).isFalse();
    }

    private static InputStream flux(byte[] octets) {
        return new ByteArrayInputStream(octets);
    }
}
