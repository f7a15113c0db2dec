package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SiretTest {

    @Test
    void accepte_un_siret_dont_la_cle_de_luhn_est_juste() {
        assertThat(Siret.estValide("73282932000074")).isTrue();
        assertThat(new Siret("44306184100047").siren()).isEqualTo("443061841");
    }

    @Test
    void refuse_une_cle_fausse() {
        assertThat(Siret.estValide("73282932000075")).isFalse();
        assertThat(Siret.aLeBonFormat("73282932000075")).isTrue();
    }

    @Test
    void refuse_une_longueur_ou_des_caracteres_incorrects() {
        assertThat(Siret.estValide("7328293200007")).isFalse();
        assertThat(Siret.estValide("732829320000744")).isFalse();
        assertThat(Siret.estValide("7328293200007A")).isFalse();
        assertThat(Siret.estValide(null)).isFalse();
    }

    @Test
    void la_poste_somme_des_chiffres_multiple_de_5() {
        // 35600000049837: Luhn key wrong, but digits add up to 45
        assertThat(Siret.estValide("35600000049837")).isTrue();
        // La Poste head office follows Luhn
        assertThat(Siret.estValide("35600000000048")).isTrue();
        // neither rule
        assertThat(Siret.estValide("35600000000049")).isFalse();
        // the exception is reserved to La Poste: same digit sum elsewhere is refused
        assertThat(Siret.estValide("12345678901234")).isFalse();
    }

    @Test
    void lit_une_saisie_avec_espaces_et_points() {
        assertThat(Siret.depuisSaisie("732 829 320 00074")).contains(new Siret("73282932000074"));
        assertThat(Siret.depuisSaisie("732.829.320.00074")).isPresent();
        assertThat(Siret.depuisSaisie("732 829 320 00075")).isEmpty();
    }

    @Test
    void le_constructeur_refuse_un_siret_invalide() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Siret("73282932000075"));
    }
}
