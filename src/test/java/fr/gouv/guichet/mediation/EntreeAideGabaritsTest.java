package fr.gouv.guichet.mediation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page template carries the "J'ai besoin d'aide" entry: it is in the layout, so every page template must be
 * drawn in the layout; the only templates outside it are not pages (e-mails, PDF documents, fragments).
 */
class EntreeAideGabaritsTest {

    private static final Path GABARITS = Path.of("src/main/resources/templates");
    /** Templates that are not web pages: each is included in a page, or is an e-mail or a PDF. */
    private static final List<String> PAS_DES_PAGES = List.of("layout.html", "courriels/", "pdf/", "fragments/", "formulaire/champs.html");

    @Test
    void leGabaritCommunPorteLEntreeDAide_enTeteEtBasDePage() throws IOException {
        String layout = Files.readString(GABARITS.resolve("layout.html"), StandardCharsets.UTF_8);
        // The header's tools are written in the layout itself (no fragment to resolve at every page: issue 18).
        assertThat(layout).contains("id=\"besoin-aide\"").contains("id=\"besoin-aide-entete\"")
                .contains("J’ai besoin d’aide sur cette page");
        assertThat(layout.split("@\\{/besoin-d-aide\\(depuis=\\$\\{cheminCourant}\\)}", -1)).hasSize(3);
    }

    @Test
    void chaqueGabaritDePageEstDessineDansLeGabaritCommun() throws IOException {
        List<Path> pages;
        try (Stream<Path> fichiers = Files.walk(GABARITS)) {
            pages = fichiers.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> PAS_DES_PAGES.stream().noneMatch(GABARITS.relativize(f).toString().replace('\\', '/')::startsWith))
                    .toList();
        }
        assertThat(pages).hasSizeGreaterThan(40);
        for (Path page : pages) {
            String gabarit = Files.readString(page, StandardCharsets.UTF_8);
            // A feature's fragment (an encart, a table shared by two pages) is drawn inside a page, never alone.
            boolean fragment = gabarit.contains("th:fragment=") && !gabarit.contains("<main") && !gabarit.contains("layout :: page(");
            if (!fragment) {
                assertThat(gabarit).as(page.toString()).containsPattern("th:replace=\"~\\{layout :: page\\(");
            }
        }
    }
}
