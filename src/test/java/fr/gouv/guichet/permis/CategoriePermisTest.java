package fr.gouv.guichet.permis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoriePermisTest {

    @Test
    void lesCategoriesLourdesDemandentUnAvisMedicalEtValent5Ans() {
        assertThat(CategoriePermis.B.avisMedicalRequis()).isFalse();
        assertThat(CategoriePermis.B.dureeValiditeAnnees()).isEqualTo(15);
        assertThat(CategoriePermis.C1E.avisMedicalRequis()).isTrue();
        assertThat(CategoriePermis.D.dureeValiditeAnnees()).isEqualTo(5);
    }

    @Test
    void lectureDUnCode() {
        assertThat(CategoriePermis.depuisCode(" c1e ")).contains(CategoriePermis.C1E);
        assertThat(CategoriePermis.depuisCode("B96")).isEmpty();
    }
}
