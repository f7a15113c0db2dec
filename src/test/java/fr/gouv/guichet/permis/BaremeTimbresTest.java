package fr.gouv.guichet.permis;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaremeTimbresTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 1);

    @Test
    void vingtCinqEurosPourUnePerteOuUnVolEtRienPourLeReste() {
        BaremeTimbres bareme = BaremeTimbres.charger();
        assertThat(bareme.montant(DemarchePermis.PERTE, AUJOURDHUI)).isEqualByComparingTo("25");
        assertThat(bareme.montant(DemarchePermis.VOL, AUJOURDHUI)).isEqualByComparingTo("25");
        assertThat(bareme.timbreExige(DemarchePermis.DETERIORATION, AUJOURDHUI)).isFalse();
        for (DemarchePermis demarche : DemarchePermis.values()) {
            assertThat(bareme.tarif(demarche, AUJOURDHUI).source()).as(demarche.name()).isNotBlank();
        }
    }

    @Test
    void unNouveauMontantEstUneNouvelleLigneDatee() {
        BaremeTimbres bareme = lire("""
                demarche;montant;du;au;source
                PERTE;25.00;2017-11-06;2026-12-31;ancien
                PERTE;30.00;2027-01-01;;nouveau
                """);
        assertThat(bareme.montant(DemarchePermis.PERTE, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("25");
        assertThat(bareme.montant(DemarchePermis.PERTE, LocalDate.of(2027, 1, 1))).isEqualByComparingTo("30");
        assertThatThrownBy(() -> bareme.montant(DemarchePermis.PERTE, LocalDate.of(2017, 11, 5)))
                .hasMessageContaining("Aucun tarif");
        assertThatThrownBy(() -> bareme.montant(DemarchePermis.VOL, AUJOURDHUI)).hasMessageContaining("Aucun tarif");
    }

    @Test
    void unBaremeIncoherentEstRefuseAuChargement() {
        assertThatThrownBy(() -> lire("""
                demarche;montant;du;au;source
                PERTE;25.00;2017-11-06;;a
                PERTE;30.00;2027-01-01;;b
                """)).hasMessageContaining("chevauchent");
        assertThatThrownBy(() -> lire("demarche;montant;du;au;source\nPERTE;-1;2017-11-06;;a\n")).hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> lire("demarche;montant;du;au;source\nPERTE;25.001;2017-11-06;;a\n")).hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> lire("demarche;montant;du;au;source\nINCONNUE;25;2017-11-06;;a\n")).hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> lire("demarche;montant;du;au;source\nPERTE;25;2018-01-01;2017-01-01;a\n")).hasMessageContaining("inversée");
        assertThatThrownBy(() -> new TarifTimbre(DemarchePermis.PERTE, new BigDecimal("1.234"), AUJOURDHUI, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BaremeTimbres lire(String csv) {
        return BaremeTimbres.lire(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
