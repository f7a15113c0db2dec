package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.mediation.internal.Horaires;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The shipped directory: readable, OSM hours parsed, every row labelled sample data or given its source. */
class MairiesEquipeesCsvTest {

    @Test
    void chaqueLigneEstLisibleEtSourceeOuMarqueeExemple() {
        List<String[]> lignes = Mairies.lignes();
        assertThat(lignes).hasSizeGreaterThan(15);
        assertThat(lignes.stream().filter(c -> c[2].equals("83")).count()).isGreaterThanOrEqualTo(15);
        for (String[] c : lignes) {
            assertThat(c[0]).matches("^([013-9][0-9]|2[AB1-9])[0-9]{3}$");
            assertThatCode(() -> Horaires.lire(c[5])).as(c[1]).doesNotThrowAnyException();
            assertThat(Integer.parseInt(c[6])).isBetween(5, 120);
            assertThat(c[10]).isIn("true", "false");
            if (c[10].equals("true")) {
                assertThat(c[11]).as(c[1]).startsWith("Exemple");
            } else {
                assertThat(c[11]).as(c[1]).isNotBlank().doesNotStartWith("Exemple");
            }
        }
    }
}
