package fr.gouv.guichet.document;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChampsTest {

    @Test
    void ecrit_le_premier_du_mois_a_la_francaise() {
        assertThat(Champs.date(LocalDate.of(2027, 3, 1))).isEqualTo("1er mars 2027");
        assertThat(Champs.date(LocalDate.of(2027, 8, 2))).isEqualTo("2 août 2027");
    }

    @Test
    void decoupe_un_texte_saisi_en_paragraphes_et_lignes() {
        assertThat(Champs.paragraphes("  Premier motif.\r\nSuite du motif.\n\n \n  Second motif.  \n"))
                .isEqualTo(List.of(List.of("Premier motif.", "Suite du motif."), List.of("Second motif.")));
        assertThat(Champs.paragraphes("")).isEmpty();
        assertThat(Champs.paragraphes("  \n ")).isEmpty();
    }

    @Test
    void accorde_au_pluriel() {
        assertThat(Champs.pluriel(1, "jour", "jours")).isEqualTo("1 jour");
        assertThat(Champs.pluriel(30, "jour", "jours")).isEqualTo("30 jours");
    }

    @Test
    void refuse_les_champs_vides_et_les_adresses_non_web() {
        assertThatThrownBy(() -> Champs.exiger(" ", "nom")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Champs.lignes(List.of("a", " "), "adresse"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Champs.adresseWeb("javascript:alert(1)", "url"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verification("K7Q2", "file:///etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
