package fr.gouv.guichet.socle.web;

import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpression;
import org.thymeleaf.cache.ExpressionCacheKey;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thymeleaf's SpEL compiler (spring.thymeleaf.enable-spring-el-compiler, issue 18, docs/adr/0028) compiles an
 * expression only if every step is: a model variable, a null test and a method of a <em>public</em> type compile; a
 * method of a package-private record, or a String mixed with a number in one {@code ${…}}, stay interpreted, silently.
 * The hot pages' model types are therefore public.
 */
class ExpressionsCompileesTest {

    /** Types read by the expressions of the hot pages (layout, queue, « Mes dossiers »). */
    private static final List<String> TYPES_DES_PAGES_CHAUDES = List.of(
            "fr.gouv.guichet.compte.web.UsagerConnecteAdvice$UsagerConnecte",
            "fr.gouv.guichet.demarche.web.MesDossiersController$LigneDossier",
            "fr.gouv.guichet.instruction.web.FileController$Parametres",
            "fr.gouv.guichet.instruction.web.VueFile",
            "fr.gouv.guichet.instruction.web.VueFile$OngletVue",
            "fr.gouv.guichet.instruction.web.VueFile$AilleursVue",
            "fr.gouv.guichet.instruction.web.VueFile$LigneVue",
            "fr.gouv.guichet.instruction.internal.FiltreFile",
            "fr.gouv.guichet.demarche.Etat");

    public record Publique(String numero, boolean prioritaire) {
    }

    record Privee(String numero, boolean prioritaire) {
    }

    @Test
    void lesTypesLusParLesPagesChaudesSontPublics() throws Exception {
        for (String nom : TYPES_DES_PAGES_CHAUDES) {
            assertThat(java.lang.reflect.Modifier.isPublic(Class.forName(nom).getModifiers())).as(nom).isTrue();
        }
    }

    @Test
    void typePublicCompile_recordPackagePriveEtConcatenationMixteRestentInterpretes() throws Exception {
        SpringTemplateEngine moteur = new SpringTemplateEngine();
        moteur.setEnableSpringELCompiler(true);
        moteur.setTemplateResolver(new StringTemplateResolver());
        String gabarit = """
                <p th:each="p : ${publiques}"><a th:text="${p.numero()}">n</a><b th:if="${p.prioritaire()}">p</b><b th:if="${p.numero() != null}">p</b></p>
                <p th:each="l : ${privees}"><i th:text="${l.numero()}">n</i><u th:if="${l.prioritaire()}">p</u></p>
                <p th:if="${absent != null}">x</p><p th:if="${present != null}">y</p><p th:text="${present}">z</p>
                <p th:text="${texte + ' (' + nombre + ')'}">t</p><p th:text="${texte + ' (' + present + ')'}">t</p><p th:text="${texte} + ' (' + ${nombre} + ')'">t</p><p th:text="${mapp.get('a')}">m</p>
                """;
        Context contexte = new Context();
        contexte.setVariable("publiques", List.of(new Publique("A", true), new Publique("B", false)));
        contexte.setVariable("privees", List.of(new Privee("A", true), new Privee("B", false)));
        contexte.setVariable("present", "oui");
        contexte.setVariable("texte", "t");
        contexte.setVariable("nombre", 3);
        contexte.setVariable("mapp", Map.of("a", "b"));
        for (int i = 0; i < 300; i++) {
            moteur.process(gabarit, contexte);
        }
        ICache<ExpressionCacheKey, Object> cache = moteur.getConfiguration().getCacheManager().getExpressionCache();
        Map<String, Boolean> compilees = new LinkedHashMap<>();
        for (ExpressionCacheKey cle : cache.keySet()) {
            Object valeur = cache.get(cle);
            if (valeur != null && valeur.getClass().getName().endsWith("ComputedSpelExpression")) {
                Field f = valeur.getClass().getDeclaredField("expression");
                f.setAccessible(true);
                SpelExpression e = (SpelExpression) f.get(valeur);
                compilees.put(e.getExpressionString(), e.compileExpression());
            }
        }
        assertThat(compilees).containsEntry("p.numero()", true).containsEntry("p.prioritaire()", true)
                .containsEntry("p.numero() != null", true).containsEntry("absent != null", true).containsEntry("present", true)
                .containsEntry("nombre", true).containsEntry("texte + ' (' + present + ')'", true)
                .containsEntry("l.numero()", false).containsEntry("l.prioritaire()", false)
                .containsEntry("texte + ' (' + nombre + ')'", false);
    }
}
