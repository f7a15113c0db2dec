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
}
