package fr.gouv.guichet.identite;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumeroPreDemandeTest {

    @Test
    void tirage_dixCaracteresAlphanumeriquesMajusculesAvecCle() {
        Random hasard = new Random(42);
        Set<String> vus = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String n = NumeroPreDemande.tirer(hasard).valeur();
            assertThat(n).matches("^[A-Z0-9]{10}$").doesNotContain("I", "O");
            assertThat(NumeroPreDemande.estValide(n)).isTrue();
            vus.add(n);
        }
        assertThat(vus).hasSize(2_000);
    }

    @Test
    void unCaractereChangeEstSouventDetecte_etLaFormeEstRefusee() {
        String n = NumeroPreDemande.tirer(new Random(7)).valeur();
        int detectes = 0;
        int essais = 0;
        for (int pos = 0; pos < 9; pos++) {
            for (char c : "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray()) {
                if (c == n.charAt(pos)) {
                    continue;
                }
                essais++;
                if (!NumeroPreDemande.estValide(n.substring(0, pos) + c + n.substring(pos + 1))) {
                    detectes++;
                }
            }
        }
        assertThat((double) detectes / essais).isGreaterThan(0.9);
        assertThat(NumeroPreDemande.estValide("abc")).isFalse();
        assertThat(NumeroPreDemande.estValide(n.toLowerCase())).isFalse();
        assertThat(NumeroPreDemande.normaliser(" " + n.substring(0, 5).toLowerCase() + "-" + n.substring(5) + " ")).isEqualTo(n);
        assertThatThrownBy(() -> new NumeroPreDemande("ABCDEFGHIJ")).isInstanceOf(IllegalArgumentException.class);
    }
}
