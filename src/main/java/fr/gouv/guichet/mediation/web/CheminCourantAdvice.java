package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.mediation.internal.AideContextuelle;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page its own path (without the query, which may carry a token), so that the layout's "J'ai besoin
 * d'aide" entry opens the help of that page.
 */
@ControllerAdvice
class CheminCourantAdvice {

    @ModelAttribute("cheminCourant")
    @Nullable
    String cheminCourant(HttpServletRequest requete) {
        Object origine = requete.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = origine instanceof String s ? s : requete.getRequestURI();
        String chemin = uri.substring(Math.min(uri.length(), requete.getContextPath().length()));
        return AideContextuelle.cheminValide(chemin);
    }
}
