package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.socle.oidc.AuthentificationOidc;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The usager's profile kept in the session of the current request (ADR 0030). A change of the profile deletes the
 * usager's sessions in its own transaction (database triggers), except the one that made a change keeping the usager
 * signed in (département, password from « Mon compte »): that one gets its new profile here, after the commit.
 */
public final class ProfilEnSession {

    private static final HttpSessionSecurityContextRepository CONTEXTES = new HttpSessionSecurityContextRepository();

    private ProfilEnSession() {
    }

    /** The session of this request now carries the département the usager has just chosen. */
    public static void departementChoisi(String code, HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof UsagerPrincipal principal) || !principal.profilEnSession()) {
            return; // a session opened before ADR 0030 reads its profile from the database
        }
        UsagerPrincipal nouveau = principal.avecDepartement(code);
        Authentication remplacee;
        if (auth instanceof AuthentificationOidc oidc) {
            remplacee = new AuthentificationOidc(nouveau, oidc.getAuthorities(), oidc.registrationId(), oidc.jetonIdentite());
        } else {
            remplacee = UsernamePasswordAuthenticationToken.authenticated(nouveau, null, auth.getAuthorities());
        }
        if (remplacee instanceof org.springframework.security.authentication.AbstractAuthenticationToken jeton) {
            jeton.setDetails(auth.getDetails());
        }
        SecurityContext contexte = SecurityContextHolder.createEmptyContext();
        contexte.setAuthentication(remplacee);
        SecurityContextHolder.setContext(contexte);
        CONTEXTES.saveContext(contexte, request, response);
    }

    /**
     * After a change that closed every session of an account (new address, password reset): a browser signed in as an
     * usager leaves that session now, so that the page's message lands in a new session instead of a deleted one.
     */
    public static void quitterSessionUsager(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof UsagerPrincipal) {
            new SecurityContextLogoutHandler().logout(request, response, auth);
        }
    }
}
