package fr.gouv.guichet.timbre;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumeroTimbreTest {

    @Test
    void seizeChiffresExactement() {
        assertThat(new NumeroTimbre("1234567890123456").pourAffichage()).isEqualTo("1234 5678 9012 3456");
        assertThatThrownBy(() -> new NumeroTimbre("123456789012345")).hasMessageContaining("16 chiffres");
        assertThatThrownBy(() -> new NumeroTimbre("12345678901234567")).hasMessageContaining("16 chiffres");
        assertThatThrownBy(() -> new NumeroTimbre("123456789012345A")).hasMessageContaining("16 chiffres");
    }

    @Test
    void uneSaisieEstNettoyee() {
        assertThat(NumeroTimbre.depuisSaisie("1234 5678 9012 3456")).contains(new NumeroTimbre("1234567890123456"));
        assertThat(NumeroTimbre.depuisSaisie("1234-5678-9012-3456")).contains(new NumeroTimbre("1234567890123456"));
        assertThat(NumeroTimbre.depuisSaisie("1234 5678")).isEmpty();
    }
}
