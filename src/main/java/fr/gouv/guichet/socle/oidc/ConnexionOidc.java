package fr.gouv.guichet.socle.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;

/** Helpers for a filter chain that signs in through one identity provider. */
public final class ConnexionOidc {

    private static final HttpSessionSecurityContextRepository CONTEXTES = new HttpSessionSecurityContextRepository();

    private ConnexionOidc() {
    }

    /**
     * The sign-in through the provider of a chain whose pages live under {@code prefixe} ("" for usagers, "/agent"
     * for agents): button {@code prefixe/oauth2/authorization/<id>}, return {@code prefixe/connexion/oidc/<id>},
     * errors and successes to {@code issue}.
     */
    public static <H extends AuthenticationSuccessHandler & AuthenticationFailureHandler> Customizer<OAuth2LoginConfigurer<HttpSecurity>>
            connexion(ClientRegistrationRepository clients, String prefixe, Map<String, Object> parametres,
                      OidcUserService utilisateurs, H issue) {
        return o -> o.loginPage(prefixe + "/connexion")
                .clientRegistrationRepository(clients)
                .authorizationEndpoint(a -> a.authorizationRequestResolver(demandes(clients, prefixe + "/oauth2/authorization", parametres)))
                .redirectionEndpoint(r -> r.baseUri(prefixe + "/connexion/oidc/*"))
                .userInfoEndpoint(u -> u.oidcUserService(utilisateurs))
                .successHandler(issue)
                .failureHandler(issue);
    }

    /** Only this chain's client registration (each chain uses its own provider, never the other one). */
    public static ClientRegistrationRepository seulement(ClientRegistrationRepository toutes, String registrationId) {
        ClientRegistration client = Objects.requireNonNull(toutes.findByRegistrationId(registrationId),
                () -> "Inscription OIDC absente : " + registrationId);
        return new InMemoryClientRegistrationRepository(client);
    }

    /** Origins of the providers' pages (authorization, end of session): allowed as form targets by the CSP. */
    public static Set<String> originesFournisseurs(ClientRegistrationRepository toutes) {
        Set<String> origines = new TreeSet<>();
        for (String id : List.of(ConfigurationOidc.FRANCECONNECT, ConfigurationOidc.PROCONNECT)) {
            ClientRegistration client = toutes.findByRegistrationId(id);
            if (client != null) {
                origines.add(origine(client.getProviderDetails().getAuthorizationUri()));
                Object fin = client.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
                if (fin != null) {
                    origines.add(origine(fin.toString()));
                }
            }
        }
        return origines;
    }

    private static String origine(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /**
     * Authorization requests under {@code baseUri}, with the provider's extra parameters (acr_values, claims…) and
     * without PKCE, which Spring Security 7 adds by default but which is not in the providers' documented parameters
     * (ProConnect refuses any other parameter). The client is confidential (client_secret_post).
     */
    public static OAuth2AuthorizationRequestResolver demandes(ClientRegistrationRepository clients, String baseUri,
                                                             Map<String, Object> parametres) {
        DefaultOAuth2AuthorizationRequestResolver resolveur = new DefaultOAuth2AuthorizationRequestResolver(clients, baseUri);
        resolveur.setAuthorizationRequestCustomizer(b -> b
                .additionalParameters(p -> {
                    p.remove(PkceParameterNames.CODE_CHALLENGE);
                    p.remove(PkceParameterNames.CODE_CHALLENGE_METHOD);
                    p.putAll(parametres);
                })
                .attributes(a -> a.remove(PkceParameterNames.CODE_VERIFIER)));
        return resolveur;
    }

    /** Replaces the provider's authentication with Guichet's own (usager or agent), in the session. */
    public static void connecter(Authentication authentification, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext contexte = SecurityContextHolder.createEmptyContext();
        contexte.setAuthentication(authentification);
        SecurityContextHolder.setContext(contexte);
        CONTEXTES.saveContext(contexte, request, response);
    }

    /** Drops the provider's authentication: the person is not signed in to Guichet. */
    public static void oublier(HttpServletRequest request, HttpServletResponse response) {
        SecurityContext vide = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(vide);
        CONTEXTES.saveContext(vide, request, response);
    }
}
