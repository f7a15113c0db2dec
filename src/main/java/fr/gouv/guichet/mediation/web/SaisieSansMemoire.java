package fr.gouv.guichet.mediation.web;

import org.thymeleaf.context.IWebContext;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;

import java.util.Set;

/**
 * Rewrites every HTML page rendered during an assisted session, whatever its template (procedure forms rendered from
 * their definitions included): forms and their fields get {@code autocomplete="off"} (the shared browser keeps no
 * name, address or number typed in), and links to documents become one-time links ({@link LiensUniques}). Outside an
 * assisted session, and for PDFs and e-mails (not web contexts), pages pass unchanged.
 */
public final class SaisieSansMemoire extends AbstractTemplateHandler {

    /** Input types on which {@code autocomplete} applies (HTML standard); others (hidden, checkbox, file…) keep none. */
    private static final Set<String> TYPES_SAISIS = Set.of("text", "search", "url", "tel", "email", "password", "date",
            "month", "week", "time", "datetime-local", "number", "range", "color");

    private Boolean actif;
    private LiensUniques liens;

    public SaisieSansMemoire() {
        super();
    }

    private boolean actif() {
        if (actif == null) {
            Object vue = null;
            Object trouves = null;
            if (getContext() instanceof IWebContext web) {
                vue = web.getExchange().getAttributeValue(FiltreAccompagnement.VUE);
                trouves = web.getExchange().getAttributeValue(FiltreAccompagnement.LIENS);
            }
            actif = vue != null;
            liens = trouves instanceof LiensUniques l ? l : null;
        }
        return actif;
    }

    @Override
    public void handleOpenElement(IOpenElementTag tag) {
        super.handleOpenElement(actif() ? reecrire(tag) : tag);
    }

    @Override
    public void handleStandaloneElement(IStandaloneElementTag tag) {
        super.handleStandaloneElement(actif() ? reecrire(tag) : tag);
    }

    private <T extends IProcessableElementTag> T reecrire(T tag) {
        IModelFactory fabrique = getContext().getModelFactory();
        String nom = tag.getElementCompleteName().toLowerCase();
        switch (nom) {
            case "form", "textarea", "select" -> {
                return fabrique.setAttribute(tag, "autocomplete", "off");
            }
            case "input" -> {
                String type = tag.hasAttribute("type") ? tag.getAttributeValue("type").toLowerCase() : "text";
                return TYPES_SAISIS.contains(type) ? fabrique.setAttribute(tag, "autocomplete", "off") : tag;
            }
            case "a" -> {
                String href = tag.getAttributeValue("href");
                return liens != null && href != null && liens.document(href)
                        ? fabrique.setAttribute(tag, "href", liens.lien(href)) : tag;
            }
            default -> {
                return tag;
            }
        }
    }
}
