package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.socle.oidc.AuthentificationOidc;
import fr.gouv.guichet.socle.oidc.ConfigurationOidc;
import fr.gouv.guichet.socle.oidc.ConnexionOidc;
import fr.gouv.guichet.socle.oidc.DeconnexionOidc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * End of a ProConnect sign-in: the agent is found by the professional e-mail (ProConnect's {@code sub} differs for
 * each identity provider), must be active and attached to a préfecture; the {@code amr} is recorded for the
 * préfecture's administrator. Anybody else is refused on the agents' sign-in page, and never gets a usager account.
 */
@Component
class ConnexionProConnect implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AgentRepository agents;
    private final DeconnexionOidc deconnexion;
    private final SessionFlashMapManager flash = new SessionFlashMapManager();

    ConnexionProConnect(AgentRepository agents, ClientRegistrationRepository inscriptionsOidc) {
        this.agents = agents;
        this.deconnexion = new DeconnexionOidc(ConnexionOidc.seulement(inscriptionsOidc, ConfigurationOidc.PROCONNECT),
                "/agent/deconnexion/fin", "/agent/connexion?deconnexion");
    }

    /** Sign-out of agents: through ProConnect's end of session for those signed in with it. */
    DeconnexionOidc deconnexion() {
        return deconnexion;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OidcUser utilisateur = (OidcUser) authentication.getPrincipal();
        String email = utilisateur.getEmail() == null ? "" : utilisateur.getEmail().strip();
        Optional<AgentConnecte> agent = agents.parEmail(email).filter(AgentRepository.LigneAgent::actif)
                .flatMap(a -> agents.connecte(a.id()))
                .filter(a -> !a.services().isEmpty() || a.administrateurNational());
        ConnexionOidc.oublier(request, response);
        if (agent.isEmpty()) {
            // Also closes the ProConnect session: otherwise the next click would bring the same account back.
            String message = "Votre adresse professionnelle " + email + " n’est celle d’aucun agent en activité dans une "
                    + "préfecture sur Guichet : demandez à l’administrateur de votre préfecture de vous inviter.";
            if (!deconnexion.quitterFournisseur(request, response, ConfigurationOidc.PROCONNECT,
                    utilisateur.getIdToken().getTokenValue(), Map.of("erreurProConnect", message))) {
                refuser(message, request, response);
            }
            return;
        }
        List<String> amr = utilisateur.getClaimAsStringList("amr");
        agents.enregistrerConnexionProConnect(agent.get().id(), amr == null ? "" : String.join(", ", amr));
        ConnexionOidc.connecter(new AuthentificationOidc(agent.get(), agent.get().autorites(), ConfigurationOidc.PROCONNECT,
                utilisateur.getIdToken().getTokenValue()), request, response);
        response.sendRedirect(request.getContextPath() + "/agent");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = exception instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
        refuser(switch (code) {
            case "access_denied" -> "Vous avez annulé la connexion avec ProConnect, ou ProConnect l’a refusée.";
            case "invalid_id_token", "invalid_user_info_response", "invalid_nonce" ->
                    "La réponse de ProConnect n’a pas pu être vérifiée : par sécurité, vous n’êtes pas connecté.";
            case "authorization_request_not_found" -> "La demande de connexion a expiré ou a été ouverte dans un autre onglet.";
            default -> "La connexion avec ProConnect n’a pas abouti.";
        } + " Vous pouvez réessayer ou vous connecter avec votre mot de passe.", request, response);
    }

    private void refuser(String message, HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlashMap attributs = new FlashMap();
        attributs.put("erreurProConnect", message);
        attributs.setTargetRequestPath(request.getContextPath() + "/agent/connexion");
        flash.saveOutputFlashMap(attributs, request, response);
        response.sendRedirect(request.getContextPath() + "/agent/connexion");
    }
}
