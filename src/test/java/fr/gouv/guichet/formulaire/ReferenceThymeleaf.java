package fr.gouv.guichet.formulaire;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Map;
import java.util.Set;

/**
 * Renders a form page with the former Thymeleaf fragments (test resource {@code reference/formulaire-champs.html}),
 * with a bare Spring Thymeleaf engine (SpEL compiler on, as in the application) and the application's messages.
 */
final class ReferenceThymeleaf {

    private ReferenceThymeleaf() {
    }

    private static final SpringTemplateEngine MOTEUR = moteur();

    private static SpringTemplateEngine moteur() {
        ClassLoaderTemplateResolver fichiers = new ClassLoaderTemplateResolver();
        fichiers.setSuffix(".html");
        fichiers.setTemplateMode(TemplateMode.HTML);
        fichiers.setCharacterEncoding("UTF-8");
        fichiers.setResolvablePatterns(Set.of("reference/*"));
        fichiers.setOrder(1);
        StringTemplateResolver chaines = new StringTemplateResolver();
        chaines.setTemplateMode(TemplateMode.HTML);
        chaines.setOrder(2);
        SpringTemplateEngine moteur = new SpringTemplateEngine();
        moteur.setEnableSpringELCompiler(true);
        moteur.addTemplateResolver(fichiers);
        moteur.addTemplateResolver(chaines);
        moteur.setTemplateEngineMessageSource(RenduFragments.MESSAGES);
        return moteur;
    }

    /** The output of {@code page(definition, page, reponses, erreurs)}, as is. */
    static String brut(DefinitionFormulaire definition, Page page, Reponses reponses, Map<String, String> erreurs) {
        Context contexte = new Context(RenduFragments.LOCALE);
        contexte.setVariable("definition", definition);
        contexte.setVariable("page", page);
        contexte.setVariable("reponses", reponses);
        contexte.setVariable("erreurs", erreurs);
        return MOTEUR.process("<th:block th:replace=\"~{reference/formulaire-champs :: page(${definition}, ${page}, "
                + "${reponses}, ${erreurs})}\"></th:block>", contexte);
    }
}
