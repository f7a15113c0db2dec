package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CodePostalTest {

    @Test
    void metropole_deux_premiers_chiffres() {
        assertThat(new CodePostal("83000").correspondAuDepartement("83")).isTrue();
        assertThat(new CodePostal("06000").correspondAuDepartement("06")).isTrue();
        assertThat(new CodePostal("75001").correspondAuDepartement("83")).isFalse();
    }

    @Test
    void corse_20_pour_2A_et_2B() {
        assertThat(new CodePostal("20000").correspondAuDepartement("2A")).isTrue();
        assertThat(new CodePostal("20200").correspondAuDepartement("2B")).isTrue();
        assertThat(new CodePostal("20200").correspondAuDepartement("2a")).isTrue();
        assertThat(new CodePostal("21000").correspondAuDepartement("2A")).isFalse();
    }

    @Test
    void outre_mer_trois_premiers_chiffres() {
        assertThat(new CodePostal("97110").correspondAuDepartement("971")).isTrue();
        assertThat(new CodePostal("97600").correspondAuDepartement("976")).isTrue();
        assertThat(new CodePostal("97110").correspondAuDepartement("972")).isFalse();
        assertThat(new CodePostal("97110").correspondAuDepartement("97")).isFalse();
    }

    @Test
    void departement_inconnu_ne_correspond_jamais() {
        assertThat(new CodePostal("83000").correspondAuDepartement("")).isFalse();
        assertThat(new CodePostal("83000").correspondAuDepartement("8")).isFalse();
    }

    @Test
    void format_cinq_chiffres() {
        assertThat(CodePostal.aLeBonFormat("8300")).isFalse();
        assertThat(CodePostal.aLeBonFormat("83 000")).isFalse();
        assertThat(CodePostal.aLeBonFormat("2A000")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new CodePostal("830000"));
    }
}
