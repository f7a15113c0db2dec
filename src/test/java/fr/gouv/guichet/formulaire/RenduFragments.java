package fr.gouv.guichet.formulaire;

import org.springframework.context.support.StaticMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders the form fragments with a bare Thymeleaf engine (SpEL, no Spring context), as the application would. */
final class RenduFragments {

    private RenduFragments() {
    }

    private static final SpringTemplateEngine MOTEUR = moteur();

    private static SpringTemplateEngine moteur() {
        ClassLoaderTemplateResolver fichiers = new ClassLoaderTemplateResolver();
        fichiers.setPrefix("templates/");
        fichiers.setSuffix(".html");
        fichiers.setTemplateMode(TemplateMode.HTML);
        fichiers.setCharacterEncoding("UTF-8");
        fichiers.setResolvablePatterns(Set.of("formulaire/*"));
        fichiers.setOrder(1);
        StringTemplateResolver chaines = new StringTemplateResolver();
        chaines.setTemplateMode(TemplateMode.HTML);
        chaines.setOrder(2);
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("formulaire.liste.choisir", Locale.FRENCH, "Sélectionnez une option");
        messages.addMessage("formulaire.groupe.ajouter", Locale.FRENCH, "Enregistrer et ajouter une entrée");
        messages.addMessage("formulaire.groupe.retirer", Locale.FRENCH, "Retirer « {0} »");
        SpringTemplateEngine moteur = new SpringTemplateEngine();
        moteur.addTemplateResolver(fichiers);
        moteur.addTemplateResolver(chaines);
        moteur.setTemplateEngineMessageSource(messages);
        return moteur;
    }

    static String page(DefinitionFormulaire definition, String pageId, Reponses reponses, Map<String, String> erreurs) {
        Context contexte = new Context(Locale.FRENCH);
        contexte.setVariable("definition", definition);
        contexte.setVariable("page", definition.pageOuErreur(pageId));
        contexte.setVariable("reponses", reponses);
        contexte.setVariable("erreurs", erreurs);
        String html = MOTEUR.process("<form novalidate><div th:replace=\"~{formulaire/champs :: page(${definition}, ${page}, "
                + "${reponses}, ${erreurs})}\"></div></form>", contexte);
        // whitespace is not significant here: compare on one line
        return html.replaceAll("\\s+", " ").replace("> <", "><").replace(" >", ">");
    }
}
