package fr.gouv.guichet.immatriculation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CodeCessionTest {

    @Test
    void formatEtDureeEnUnSeulEndroit_cinqCaracteresQuinzeJours() {
        assertThat(CodeCession.LONGUEUR).isEqualTo(5);
        assertThat(CodeCession.VALIDITE).isEqualTo(Duration.ofDays(15));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String c = CodeCession.nouveau().valeur();
            assertThat(c).hasSize(5).matches("[2-9A-HJKMNP-TW-Z]{5}");
            codes.add(c);
        }
        assertThat(codes).as("tirés au hasard").hasSizeGreaterThan(490);
    }

    @Test
    void laSaisieEstLueSansEspacesNiCasse_unCodeMalFormeEstRefuse_etNApparaitPasDansLesTraces() {
        assertThat(CodeCession.lire(" ab c2 3 ")).contains(new CodeCession("ABC23"));
        assertThat(CodeCession.lire("ABC0O")).as("0 et O exclus").isEmpty();
        assertThat(CodeCession.lire("ABCD")).isEmpty();
        assertThat(new CodeCession("ABC23").toString()).doesNotContain("ABC23");
        assertThat(new CodeCession("ABC23").empreinte("AA-001-AA")).isNotEqualTo(new CodeCession("ABC23").empreinte("AA-002-AA"));
    }
}
