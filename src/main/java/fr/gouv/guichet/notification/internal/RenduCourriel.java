package fr.gouv.guichet.notification.internal;

import fr.gouv.guichet.notification.Courriel;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;

/** Renders a {@link Courriel} as HTML (template {@code courriels/gabarit}) and as plain text. */
@Component
public class RenduCourriel {

    private final ITemplateEngine templates;

    RenduCourriel(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String html(Courriel courriel) {
        Context context = new Context(Locale.FRANCE);
        context.setVariable("courriel", courriel);
        return templates.process("courriels/gabarit", context);
    }

    public String texte(Courriel courriel) {
        StringBuilder texte = new StringBuilder("Bonjour,\n\n");
        for (String paragraphe : courriel.paragraphes()) {
            texte.append(paragraphe).append("\n\n");
        }
        if (courriel.lienUrl() != null) {
            texte.append(courriel.lienLibelle()).append(" : ").append(courriel.lienUrl()).append("\n\n");
        }
        texte.append("Cordialement,\nGuichet — téléprocédures des préfectures\n\n")
                .append("Ce message est envoyé automatiquement, merci de ne pas y répondre.\n");
        return texte.toString();
    }
}
