package fr.gouv.guichet.document;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10, point 4: a PDF render is bounded in input size and in time; past a bound the caller is told, nobody queues. */
class GenerateurPdfBornesTest {

    @Test
    void documentTropVolumineux_refuseAvantLeRendu() {
        GenerateurPdf generateur = new GenerateurPdf(Exemples.moteur(), 1_000, Duration.ofSeconds(5), Duration.ofSeconds(20));
        assertThatThrownBy(() -> generateur.genererRecepisse(Exemples.recepisse()))
                .isInstanceOf(RenduPdfImpossible.class).hasMessageContaining("trop volumineux");
    }

    @Test
    void renduTropLong_abandonneEtLaPlaceEstRendue() {
        GenerateurPdf presse = new GenerateurPdf(Exemples.moteur(), GenerateurPdf.TAILLE_MAX, Duration.ofSeconds(5), Duration.ofMillis(1));
        assertThatThrownBy(() -> presse.genererRecepisse(Exemples.recepisse()))
                .isInstanceOf(RenduPdfImpossible.class).hasMessageContaining("abandonné");
        // The abandoned render gives its place back when it ends: the next one is not refused for lack of a place.
        GenerateurPdf normal = new GenerateurPdf(Exemples.moteur(), GenerateurPdf.TAILLE_MAX, Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(normal.genererRecepisse(Exemples.recepisse())).startsWith("%PDF-".getBytes());
    }

    /**
     * A render abandoned before its thread even started was cancelled and never ran, so it never gave its place back:
     * after one such abandon (frequent on a busy machine) every later document of that template waited in vain.
     */
    @Test
    void rendusAbandonnesAvantDeCommencer_rendentAussiLeurPlace() {
        GenerateurPdf presse = new GenerateurPdf(Exemples.moteur(), GenerateurPdf.TAILLE_MAX, Duration.ofSeconds(2), Duration.ofNanos(1));
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> presse.genererRecepisse(Exemples.recepisse())).isInstanceOf(RenduPdfImpossible.class);
        }
        GenerateurPdf normal = new GenerateurPdf(Exemples.moteur(), GenerateurPdf.TAILLE_MAX, Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(normal.genererRecepisse(Exemples.recepisse())).startsWith("%PDF-".getBytes());
    }
}
