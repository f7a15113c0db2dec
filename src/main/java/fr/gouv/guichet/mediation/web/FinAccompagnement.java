package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.mediation.internal.Accompagnement;
import fr.gouv.guichet.mediation.internal.SessionAccompagnee.Motif;
import fr.gouv.guichet.mediation.internal.SessionsAccompagnees;
import fr.gouv.guichet.socle.oidc.AuthentificationOidc;
import fr.gouv.guichet.socle.oidc.ConfigurationOidc;
import fr.gouv.guichet.socle.oidc.ConnexionOidc;
import fr.gouv.guichet.socle.oidc.DeconnexionOidc;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/**
 * Ends an assisted session so that nothing usable stays in the shared browser: the session is recorded as ended,
 * the HTTP session is invalidated (the usager is signed out), a FranceConnect sign-in is also closed at
 * FranceConnect, and the browser is told to forget cache and storage; the last page also clears cookies.
 */
@Component
class FinAccompagnement {

    static final String PAGE_TERMINEE = "/accompagnement/terminee";

    private final SessionsAccompagnees sessions;
    private final DeconnexionOidc deconnexionFranceConnect;

    FinAccompagnement(SessionsAccompagnees sessions, ClientRegistrationRepository inscriptionsOidc) {
        this.sessions = sessions;
        this.deconnexionFranceConnect = new DeconnexionOidc(ConnexionOidc.seulement(inscriptionsOidc,
                ConfigurationOidc.FRANCECONNECT), "/deconnexion/fin", "/?deconnexion");
    }

    static @Nullable Authentication authentification(HttpSession session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext contexte ? contexte.getAuthentication() : null;
    }

    static void sansTrace(HttpServletResponse response, boolean cookies) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Clear-Site-Data", cookies ? "\"cache\", \"cookies\", \"storage\"" : "\"cache\", \"storage\"");
    }

    void terminer(HttpServletRequest request, HttpServletResponse response, Accompagnement accompagnement, Motif motif)
            throws IOException {
        Motif retenu = sessions.terminer(accompagnement.id(), motif);
        HttpSession session = request.getSession(false);
        Authentication auth = session == null ? null : authentification(session);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        sansTrace(response, false);
        String retour = PAGE_TERMINEE + "?motif=" + retenu.name();
        if (auth instanceof AuthentificationOidc oidc && ConfigurationOidc.FRANCECONNECT.equals(oidc.registrationId())
                && deconnexionFranceConnect.quitterFournisseur(request, response, ConfigurationOidc.FRANCECONNECT,
                oidc.jetonIdentite(), Map.of(DeconnexionOidc.RETOUR, retour))) {
            return;
        }
        response.sendRedirect(request.getContextPath() + retour);
    }
}
