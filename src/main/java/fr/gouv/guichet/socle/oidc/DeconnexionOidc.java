package fr.gouv.guichet.socle.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * After Guichet's own logout, a user signed in through a provider is sent to the provider's {@code /session/end}
 * with {@code id_token_hint}, {@code post_logout_redirect_uri} and a {@code state} of 43 characters. The session is
 * gone by then, so the state is kept in a short-lived HttpOnly SameSite=Lax cookie restricted to the return path,
 * and checked there ({@link FinDeconnexionController}). Others are redirected as before.
 */
public final class DeconnexionOidc implements LogoutSuccessHandler {

    static final String COOKIE = "GUICHET_DECONNEXION_STATE";
    static final String MESSAGES_AU_RETOUR = "socle.oidc.messagesAuRetour";
    /** Key of {@code messages}: a local path where the return from the provider leads instead of the home page. */
    public static final String RETOUR = "socle.oidc.retour";
    private static final SecureRandom ALEA = new SecureRandom();

    private final ClientRegistrationRepository clients;
    private final String cheminRetour;
    private final String sansFournisseur;

    /**
     * @param cheminRetour    the post-logout redirect path, registered at the provider
     * @param sansFournisseur where a user signed in with a password goes
     */
    public DeconnexionOidc(ClientRegistrationRepository clients, String cheminRetour, String sansFournisseur) {
        this.clients = clients;
        this.cheminRetour = cheminRetour;
        this.sansFournisseur = sansFournisseur;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                @Nullable Authentication authentication) throws IOException {
        if (!(authentication instanceof AuthentificationOidc oidc)
                || !quitterFournisseur(request, response, oidc.registrationId(), oidc.jetonIdentite(), Map.of())) {
            response.sendRedirect(request.getContextPath() + sansFournisseur);
        }
    }

    /**
     * Sends the browser to the provider's end of session (the provider's session is closed too). {@code messages}
     * (flash attributes, kept in the session if it still exists) replace the usual sign-out message on the way back:
     * e.g. an agent refused by Guichet, so that they can choose another ProConnect account. False when the provider
     * has no {@code end_session_endpoint}.
     */
    public boolean quitterFournisseur(HttpServletRequest request, HttpServletResponse response, String registrationId,
                                      String jetonIdentite, Map<String, String> messages) throws IOException {
        String finDeSession = finDeSession(registrationId);
        if (finDeSession == null) {
            return false;
        }
        if (!messages.isEmpty()) {
            request.getSession().setAttribute(MESSAGES_AU_RETOUR, new HashMap<>(messages));
        }
        byte[] octets = new byte[32];
        ALEA.nextBytes(octets);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, state)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path(request.getContextPath() + cheminRetour).maxAge(Duration.ofMinutes(10)).build().toString());
        String retour = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath() + cheminRetour).replaceQuery(null).build().toUriString();
        response.sendRedirect(UriComponentsBuilder.fromUriString(finDeSession)
                .queryParam("id_token_hint", jetonIdentite)
                .queryParam("state", state)
                .queryParam("post_logout_redirect_uri", retour)
                .encode(StandardCharsets.UTF_8).build().toUriString());
        return true;
    }

    private @Nullable String finDeSession(String registrationId) {
        ClientRegistration client = clients.findByRegistrationId(registrationId);
        Object uri = client == null ? null : client.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        return uri == null ? null : uri.toString();
    }
}
