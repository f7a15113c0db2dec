package fr.gouv.guichet.permis;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeEphotoTest {

    private static final String VINGT_DEUX = "AB12CD34EF56GH78IJ90KL";

    @Test
    void parDefautUnCodeCompte22LettresOuChiffres() {
        assertThat(FormatEphoto.PAR_DEFAUT.lire(VINGT_DEUX)).contains(new CodeEphoto(VINGT_DEUX));
        assertThat(FormatEphoto.PAR_DEFAUT.lire("ab12 cd34-ef56 gh78 ij90 kl")).contains(new CodeEphoto(VINGT_DEUX));
        assertThat(FormatEphoto.PAR_DEFAUT.lire(VINGT_DEUX.substring(1))).isEmpty();
        assertThat(FormatEphoto.PAR_DEFAUT.probleme(VINGT_DEUX.substring(1)))
                .isEqualTo("Le code ePhoto compte 22 caractères ; vous en avez saisi 21.");
        assertThat(FormatEphoto.PAR_DEFAUT.probleme("AB12CD34EF56GH78IJ90K%"))
                .isEqualTo("Le code ePhoto ne contient que des lettres et des chiffres.");
        assertThat(FormatEphoto.PAR_DEFAUT.probleme("  ")).contains("Saisissez le code ePhoto");
    }

    @Test
    void laLongueurEstUnReglage() {
        FormatEphoto deux = FormatEphoto.depuisReglage("21, 22");
        assertThat(deux.longueurs()).containsExactly(21, 22);
        assertThat(deux.lire(VINGT_DEUX.substring(1))).isPresent();
        assertThat(deux.lire(VINGT_DEUX)).isPresent();
        assertThat(deux.probleme("ABC")).isEqualTo("Le code ePhoto compte 21 ou 22 caractères ; vous en avez saisi 3.");
        assertThatThrownBy(() -> FormatEphoto.depuisReglage("vingt-deux")).hasMessageContaining("illisible");
        assertThatThrownBy(() -> new FormatEphoto(Set.of())).hasMessageContaining("Longueurs");
        assertThatThrownBy(() -> new FormatEphoto(Set.of(41))).hasMessageContaining("Longueurs");
    }

    @Test
    void leConstructeurRefuseUnCodeMalForme() {
        assertThatThrownBy(() -> new CodeEphoto("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeEphoto("ab12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeEphoto("A".repeat(41))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeEphoto("ABC", FormatEphoto.PAR_DEFAUT)).hasMessageContaining("22 caractères");
        assertThatThrownBy(() -> new CodeEphoto("AB12 CD34EF56GH78IJ90KL", FormatEphoto.PAR_DEFAUT))
                .hasMessageContaining("sans séparateur");
        assertThat(new CodeEphoto(VINGT_DEUX, FormatEphoto.PAR_DEFAUT)).isEqualTo(new CodeEphoto(VINGT_DEUX));
    }
}
