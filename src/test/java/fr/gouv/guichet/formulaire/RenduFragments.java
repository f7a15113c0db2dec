package fr.gouv.guichet.formulaire;

import fr.gouv.guichet.formulaire.web.RenduFormulaire;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;
import java.util.Map;

/** Renders a form page with the application's renderer ({@link RenduFormulaire}) and the application's messages. */
final class RenduFragments {

    private RenduFragments() {
    }

    static final Locale LOCALE = Locale.FRANCE;

    /** messages.properties, read as Spring Boot does (UTF-8, no fallback to the system locale). */
    static final ResourceBundleMessageSource MESSAGES = messages();

    private static final RenduFormulaire RENDU = new RenduFormulaire(MESSAGES);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** The page inside a {@code <form novalidate>}, whitespace normalised. */
    static String page(DefinitionFormulaire definition, String pageId, Reponses reponses, Map<String, String> erreurs) {
        return normaliser("<form novalidate>" + brut(definition, definition.pageOuErreur(pageId), reponses, erreurs) + "</form>");
    }

    /** The renderer's output, as is. */
    static String brut(DefinitionFormulaire definition, Page page, Reponses reponses, Map<String, String> erreurs) {
        return RENDU.page(definition, page, reponses, erreurs, LOCALE);
    }

    /** Whitespace is not significant here: runs become one space, and whitespace between tags or before ">" goes. */
    static String normaliser(String html) {
        return html.replaceAll("\\s+", " ").replace("> <", "><").replace(" >", ">").trim();
    }
}
