package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.socle.oidc.AuthentificationOidc;
import fr.gouv.guichet.socle.oidc.ConfigurationOidc;
import fr.gouv.guichet.socle.oidc.ConnexionOidc;
import fr.gouv.guichet.socle.oidc.DeconnexionOidc;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

/**
 * End of a FranceConnect sign-in (the ID token and signed userinfo are already verified): sign in to the account
 * of the {@code sub}, or to a new account, or — the e-mail being an existing account's — keep the identity aside
 * (session) and ask for that account's password. Errors go to a French page, never to a stack trace.
 */
@Component
public class ConnexionFranceConnect implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Session attribute: the FranceConnect identity waiting for its link to an existing account. */
    public static final String EN_ATTENTE = "compte.franceconnect.enAttente";
    public static final String PAGE_RATTACHEMENT = "/connexion/franceconnect/rattachement";
    public static final String PAGE_ERREUR = "/connexion/franceconnect/erreur";

    /** A FranceConnect identity signed in at the provider but not yet to a Guichet account. */
    public record EnAttente(IdentiteFranceConnect identite, String jetonIdentite) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConnexionFranceConnect.class);

    private final ComptesFranceConnect comptes;
    private final DeconnexionOidc deconnexion;
    private final SessionFlashMapManager flash = new SessionFlashMapManager();

    ConnexionFranceConnect(ComptesFranceConnect comptes, ClientRegistrationRepository inscriptionsOidc) {
        this.comptes = comptes;
        this.deconnexion = new DeconnexionOidc(ConnexionOidc.seulement(inscriptionsOidc, ConfigurationOidc.FRANCECONNECT),
                "/deconnexion/fin", "/?deconnexion");
    }

    /**
     * Closes the FranceConnect session of an identity that Guichet did not sign in (link declined, no e-mail):
     * otherwise the next person at the same browser would be greeted as this one. {@code messages} are shown on
     * the way back; false when the provider has no end of session (the caller then answers itself).
     */
    public boolean quitterFranceConnect(HttpServletRequest request, HttpServletResponse response, String jetonIdentite,
                                        Map<String, String> messages) throws IOException {
        return deconnexion.quitterFournisseur(request, response, ConfigurationOidc.FRANCECONNECT, jetonIdentite, messages);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OidcUser utilisateur = (OidcUser) authentication.getPrincipal();
        IdentiteFranceConnect identite = IdentiteFranceConnect.de(utilisateur.getClaims());
        String jeton = utilisateur.getIdToken().getTokenValue();
        switch (comptes.connecter(identite)) {
            case ComptesFranceConnect.Issue.Connecte c -> {
                connecter(c.principal(), jeton, request, response);
                response.sendRedirect(request.getContextPath() + "/usager");
            }
            case ComptesFranceConnect.Issue.RattachementRequis r -> {
                ConnexionOidc.oublier(request, response);
                request.getSession().setAttribute(EN_ATTENTE, new EnAttente(identite, jeton));
                response.sendRedirect(request.getContextPath() + PAGE_RATTACHEMENT);
            }
        }
    }

    /** Signs the usager in (FranceConnect session: the logout goes through FranceConnect too). */
    public static void connecter(UsagerPrincipal principal, String jetonIdentite, HttpServletRequest request,
                                 HttpServletResponse response) {
        ConnexionOidc.connecter(new AuthentificationOidc(principal, principal.autorites(), ConfigurationOidc.FRANCECONNECT,
                jetonIdentite), request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = exception instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "inconnue";
        log.warn("Connexion FranceConnect refusée ({}) : {}", code, exception.toString());
        erreur(code, request, response);
    }

    private void erreur(String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlashMap attributs = new FlashMap();
        attributs.put("codeErreur", code);
        String description = request.getParameter("error_description");
        if (description != null && request.getParameter("error") != null) {
            attributs.put("descriptionErreur", description.length() > 200 ? description.substring(0, 200) : description);
        }
        attributs.setTargetRequestPath(request.getContextPath() + PAGE_ERREUR);
        flash.saveOutputFlashMap(attributs, request, response);
        response.sendRedirect(request.getContextPath() + PAGE_ERREUR);
    }
}
