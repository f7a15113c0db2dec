package fr.gouv.guichet.tiers.internal;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thresholds of the fraud rules are data, checked when read. */
class ReglesFraudeTest {

    @Test
    void lesReglesLivrees_seLisent() {
        ReglesFraude regles = ReglesFraude.charger();
        assertThat(regles.regle(ReglesFraude.LIEUX_MULTIPLES).fenetre()).isEqualTo(Duration.ofHours(1));
        assertThat(regles.regle(ReglesFraude.MANDAT_REUTILISE).poids()).isGreaterThanOrEqualTo(regles.regle(ReglesFraude.SUSPENSION).seuil());
    }

    @Test
    void uneRegleManquante_ouUnSeuilNul_empecheLeDemarrage() {
        assertThatThrownBy(() -> ReglesFraude.lire(csv("code;seuil;fenetre;poids;source\ntiers-volume;3;P30D;2;x\n")))
                .hasMessageContaining("absente");
        assertThatThrownBy(() -> ReglesFraude.lire(csv("code;seuil;fenetre;poids;source\ntiers-volume;0;P30D;2;x\n")))
                .hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> ReglesFraude.lire(csv("code;seuil;fenetre;poids;source\ntiers-volume;3;P1M;2;x\n")))
                .hasMessageContaining("jours ou en heures");
    }

    private static ByteArrayResource csv(String texte) {
        return new ByteArrayResource(texte.getBytes(StandardCharsets.UTF_8));
    }
}
