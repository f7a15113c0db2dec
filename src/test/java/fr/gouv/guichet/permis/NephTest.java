package fr.gouv.guichet.permis;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NephTest {

    @Test
    void unNephValideSeLitPartieParPartie() {
        Neph neph = new Neph("250683010042");
        assertThat(neph.moisInscription()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(neph.departement()).isEqualTo("83");
        assertThat(neph.prefecture()).isEqualTo("01");
        assertThat(neph.rang()).isEqualTo(42);
        assertThat(neph.pourAffichage()).isEqualTo("2506 83 01 0042");
    }

    @Test
    void laStructureEstVerifieeDansLeConstructeur() {
        assertThatThrownBy(() -> new Neph("25068301004")).hasMessageContaining("12 chiffres");
        assertThatThrownBy(() -> new Neph("2506830100421")).hasMessageContaining("12 chiffres");
        assertThatThrownBy(() -> new Neph("25068301004A")).hasMessageContaining("12 chiffres");
        assertThatThrownBy(() -> new Neph("251383010042")).hasMessageContaining("mois");
        assertThatThrownBy(() -> new Neph("250083010042")).hasMessageContaining("mois");
        assertThatThrownBy(() -> new Neph("250600010042")).hasMessageContaining("département");
        assertThatThrownBy(() -> new Neph("250683010000")).hasMessageContaining("rang");
    }

    @Test
    void uneSaisieEstNettoyeeEtUneSaisieFausseNeDonneRien() {
        assertThat(Neph.depuisSaisie(" 2506 83 01 0042 ")).contains(new Neph("250683010042"));
        assertThat(Neph.depuisSaisie("2506-83-01-0042")).contains(new Neph("250683010042"));
        assertThat(Neph.depuisSaisie("123")).isEmpty();
        assertThat(Neph.depuisSaisie("251383010042")).isEmpty();
    }

    @Test
    void attributionDUnNumeroAUneInscription() {
        assertThat(Neph.attribuer(YearMonth.of(2026, 12), "83", 1, 42).valeur()).isEqualTo("261283010042");
        assertThat(Neph.attribuer(YearMonth.of(2026, 1), "2A", 2, 9999).valeur()).isEqualTo("260120029999");
        assertThat(Neph.attribuer(YearMonth.of(2026, 1), "974", 1, 1).valeur()).isEqualTo("260197010001");
        assertThatThrownBy(() -> Neph.attribuer(YearMonth.of(2026, 1), "83", 1, 10000)).hasMessageContaining("9999");
        assertThatThrownBy(() -> Neph.attribuer(YearMonth.of(2026, 1), "83", 0, 1)).hasMessageContaining("préfecture");
        assertThatThrownBy(() -> Neph.attribuer(YearMonth.of(2026, 1), "00", 1, 1)).hasMessageContaining("département");
    }
}
