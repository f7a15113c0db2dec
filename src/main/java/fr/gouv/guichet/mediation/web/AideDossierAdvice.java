package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.mediation.internal.SessionsAccompagnees;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On the agent's page of a dossier, the help place it was filed with ("réalisé avec l'aide de <lieu>"): the place
 * only, never the médiateur. The instruction page itself checks the agent may see the dossier.
 */
@ControllerAdvice
class AideDossierAdvice {

    private static final Pattern PAGE_DOSSIER_AGENT = Pattern.compile("^/agent/dossiers/(\\d{1,18})$");

    private final SessionsAccompagnees sessions;

    AideDossierAdvice(SessionsAccompagnees sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute("aideMediation")
    @Nullable
    String aideMediation(HttpServletRequest request) {
        Matcher page = PAGE_DOSSIER_AGENT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return page.matches() && "GET".equals(request.getMethod())
                ? sessions.lieuAyantAide(Long.parseLong(page.group(1))).orElse(null) : null;
    }
}
