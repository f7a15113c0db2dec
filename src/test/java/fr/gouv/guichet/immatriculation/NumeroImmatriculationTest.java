package fr.gouv.guichet.immatriculation;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumeroImmatriculationTest {

    @Test
    void laSerieCommenceAAA001AA_etFaitTournerLesChiffresPuisLesLettresDeDroite() {
        assertThat(NumeroImmatriculation.deRang(0).valeur()).isEqualTo("AA-001-AA");
        assertThat(NumeroImmatriculation.deRang(998).valeur()).isEqualTo("AA-999-AA");
        assertThat(NumeroImmatriculation.deRang(999).valeur()).isEqualTo("AA-001-AB");
        assertThat(NumeroImmatriculation.deRang(999L * 528).valeur()).as("après AA-999-ZZ").isEqualTo("AB-001-AA");
    }

    @Test
    void lesLettresIOUetLesPairesSSetWWaGaucheNeSortentJamais() {
        Set<String> vus = new HashSet<>();
        // Every 999th rank changes the letters: go through all the pairs of several left-hand pairs.
        for (long rang = 0; rang < NumeroImmatriculation.TAILLE_SERIE; rang += 999L * 37 + 1) {
            String n = NumeroImmatriculation.deRang(rang).valeur();
            assertThat(n).matches("[A-Z]{2}-\\d{3}-[A-Z]{2}").doesNotContain("I", "O", "U");
            assertThat(n.substring(0, 2)).isNotIn("SS", "WW");
            assertThat(n.substring(7)).isNotEqualTo("SS");
            assertThat(NumeroImmatriculation.deRang(rang).rang()).isEqualTo(rang);
            assertThat(vus.add(n)).isTrue();
        }
        assertThat(NumeroImmatriculation.TAILLE_SERIE).isEqualTo(527L * 528 * 999);
        assertThat(NumeroImmatriculation.deRang(NumeroImmatriculation.TAILLE_SERIE - 1).valeur()).isEqualTo("ZZ-999-ZZ");
    }

    @Test
    void refuseLesNumerosHorsSerie() {
        for (String faux : new String[] {"SS-123-AA", "AA-123-SS", "WW-123-AA", "AI-123-AA", "AA-000-AA", "AA-123-AO", "AA123AA"}) {
            assertThatThrownBy(() -> new NumeroImmatriculation(faux)).as(faux).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new NumeroImmatriculation("AA-123-WW").valeur()).as("WW n’est réservé qu’à gauche").isEqualTo("AA-123-WW");
        assertThat(NumeroImmatriculation.lire(" ab 123 cd ")).contains(new NumeroImmatriculation("AB-123-CD"));
        assertThat(NumeroImmatriculation.lire("1234 AB 83")).isEmpty();
    }
}
