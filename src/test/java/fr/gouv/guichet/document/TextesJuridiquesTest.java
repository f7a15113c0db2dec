package fr.gouv.guichet.document;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, point 5: the legal texts the acts cite live in one place ({@code actes/textes-juridiques.csv}), each
 * with its source and the date it was last checked; no template nor Java class of the acts writes an article.
 */
class TextesJuridiquesTest {

    /** The templates of the acts and the Java code that writes them. */
    static List<Path> sourcesDesActes() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> gabarits = Files.list(Path.of("src/main/resources/templates/pdf"))) {
            gabarits.filter(p -> p.toString().endsWith(".html")).forEach(sources::add);
        }
        try (Stream<Path> document = Files.walk(Path.of("src/main/java/fr/gouv/guichet/document"))) {
            document.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        for (String classe : List.of("instruction/internal/RedactionDecisions", "instruction/internal/FondementRefus",
                "instruction/internal/ApercuDecisions", "instruction/internal/AutoritesVideoprotection",
                "commission/AvisVise")) {
            sources.add(Path.of("src/main/java/fr/gouv/guichet/" + classe + ".java"));
        }
        return sources;
    }

    /** The source without its comments (Java and Thymeleaf), which may name articles to explain the code. */
    static String sansCommentaires(String source) {
        return source.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    @Test
    void aucunGabaritNiCodeDesActes_nEcritDArticle() throws IOException {
        List<String> articlesEnDur = new ArrayList<>();
        for (Path source : sourcesDesActes()) {
            assertThat(source).as("source des actes").exists();
            Matcher m = TextesJuridiques.ARTICLE.matcher(sansCommentaires(Files.readString(source)));
            while (m.find()) {
                articlesEnDur.add(source + " : " + m.group());
            }
        }
        assertThat(articlesEnDur).as("articles écrits en dur (à mettre dans " + TextesJuridiques.RESSOURCE + ")").isEmpty();
    }

    @Test
    void leMotifDArticleReconnaitLesNumerotations() {
        assertThat(TextesJuridiques.ARTICLE.matcher("article R252-15 du code").find()).isTrue();
        assertThat(TextesJuridiques.ARTICLE.matcher("articles L. 254-1 et R112-11-1").results().map(r -> r.group()))
                .containsExactly("L. 254-1", "R112-11-1");
        assertThat(TextesJuridiques.ARTICLE.matcher("décret n° 2023-1102, dossier VP-2026-000123").find()).isFalse();
    }

    @Test
    void chaqueTexte_aSaSourceEtSaDateDeVerification() {
        assertThat(TextesJuridiques.tous()).hasSizeGreaterThan(15).allSatisfy(t -> {
            assertThat(t.source()).as(t.cle()).isNotBlank();
            assertThat(t.verifieLe()).as(t.cle()).isAfter(LocalDate.of(2023, 11, 30)).isBeforeOrEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(t.texte()).as(t.cle()).isNotBlank().doesNotContain("|");
        });
    }

    @Test
    void visaDuCsi_dansLaNumerotationDuDecret2023_1102_sansLesAnciensArticlesDeRetrait() {
        assertThat(TextesJuridiques.texte("csi.visa.arrete")).contains("R252-1,", "R252-2", "R252-14", "R252-15", "2023-1102")
                .doesNotContain("R251-1 à R253-4");
        // R253-1 / R253-2 (withdrawal, 2013 numbering) are not the current numbers: chapter III is now about data processing.
        assertThat(TextesJuridiques.tous()).noneMatch(t -> t.texte().contains("R253-1") || t.texte().contains("R253-2"));
        assertThat(TextesJuridiques.texte("csi.retrait")).contains("chapitre IV");
    }

    @Test
    void unNumeroDArticle_estUnSegmentInsecable() {
        List<Map<String, Object>> segments = TextesJuridiques.segments("articles L211-2 et L211-5 du code");
        assertThat(segments).extracting(s -> s.get("texte")).containsExactly("articles ", "L211-2", " et ", "L211-5", " du code");
        assertThat(segments).extracting(s -> s.get("article")).containsExactly(false, true, false, true, false);
    }

    @Test
    void uneCleInconnue_arreteLeRendu() {
        assertThatThrownBy(() -> TextesJuridiques.variables().get("csi.inconnu")).hasMessageContaining("csi.inconnu");
        assertThatThrownBy(() -> TextesJuridiques.texte("csi.inconnu")).hasMessageContaining("Texte juridique inconnu");
    }

    @Test
    void unFichierMalForme_estRefuse() {
        assertThatThrownBy(() -> TextesJuridiques.lire("cle|article|texte|source|verifie_le\ncsi.x||texte||2026-12-01\n"))
                .hasMessageContaining("source obligatoires");
        assertThatThrownBy(() -> TextesJuridiques.lire("cle|article|texte|source|verifie_le\ncsi.x||texte|src|hier\n"))
                .hasMessageContaining("date de vérification");
        assertThatThrownBy(() -> TextesJuridiques.lire("cle|article|texte|source|verifie_le\ncsi.x||a|s|2026-12-01\ncsi.x||b|s|2026-12-01\n"))
                .hasMessageContaining("en double");
    }
}
