package fr.gouv.guichet.timbre;

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
    void leBaremeDeLApplicationReunitLesFichiersDesDemarches() {
        BaremeTimbres bareme = BaremeTimbres.charger();
        assertThat(bareme.tarifs()).isNotEmpty();
        assertThat(bareme.tarifs()).allSatisfy(t -> assertThat(t.source()).as(t.motif()).isNotBlank());
    }

    @Test
    void unNouveauMontantEstUneNouvelleLigneDatee() {
        BaremeTimbres bareme = lire("""
                motif;montant;du;au;source
                # commentaire
                ESSAI_PERTE;25.00;2017-11-06;2026-12-31;ancien
                ESSAI_PERTE;30.00;2027-01-01;;nouveau
                """);
        assertThat(bareme.montant("ESSAI_PERTE", LocalDate.of(2026, 12, 31))).isEqualByComparingTo("25");
        assertThat(bareme.montant("ESSAI_PERTE", LocalDate.of(2027, 1, 1))).isEqualByComparingTo("30");
        assertThat(bareme.timbreExige("ESSAI_PERTE", AUJOURDHUI)).isTrue();
        assertThatThrownBy(() -> bareme.montant("ESSAI_PERTE", LocalDate.of(2017, 11, 5))).hasMessageContaining("Aucun tarif");
        assertThatThrownBy(() -> bareme.montant("ESSAI_VOL", AUJOURDHUI)).hasMessageContaining("Aucun tarif");
    }

    @Test
    void deuxFichiersPourUnMemeMotifNeSeChevauchentPas() {
        assertThatThrownBy(() -> BaremeTimbres.lire(ressource("motif;montant;du;au;source\nESSAI;25;2017-11-06;;a\n"),
                ressource("motif;montant;du;au;source\nESSAI;30;2027-01-01;;b\n"))).hasMessageContaining("chevauchent");
        assertThat(BaremeTimbres.lire(ressource("motif;montant;du;au;source\nESSAI_A;25;2017-11-06;;a\n"),
                ressource("motif;montant;du;au;source\nESSAI_B;86;2017-11-06;;b\n")).montant("ESSAI_B", AUJOURDHUI))
                .isEqualByComparingTo("86");
    }

    @Test
    void unBaremeIncoherentEstRefuseAuChargement() {
        assertThatThrownBy(() -> lire("motif;montant;du;au;source\nESSAI;-1;2017-11-06;;a\n")).hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> lire("motif;montant;du;au;source\nESSAI;25.001;2017-11-06;;a\n")).hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> lire("motif;montant;du;au;source\nessai minuscule;25;2017-11-06;;a\n")).hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> lire("motif;montant;du;au;source\nESSAI;25;2018-01-01;2017-01-01;a\n")).hasMessageContaining("inversée");
        assertThatThrownBy(() -> new TarifTimbre("ESSAI", new BigDecimal("1.234"), AUJOURDHUI, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BaremeTimbres lire(String csv) {
        return BaremeTimbres.lire(ressource(csv));
    }

    private static ByteArrayResource ressource(String csv) {
        return new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8));
    }
}
