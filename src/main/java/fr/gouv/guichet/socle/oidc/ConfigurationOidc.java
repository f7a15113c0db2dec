package fr.gouv.guichet.socle.oidc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

import java.util.Collection;
import java.util.List;

/**
 * ID token checks for both providers: ES256 (RS256 only if the provider announces it and not ES256), the standard
 * OIDC checks (issuer, audience, nonce, expiry with 60 s of clock skew) and, for FranceConnect, the eIDAS level
 * ({@code acr}) at least the one asked for.
 */
@Configuration(proxyBeanMethods = false)
public class ConfigurationOidc {

    public static final String FRANCECONNECT = "franceconnect";
    public static final String PROCONNECT = "proconnect";
    private static final List<String> NIVEAUX_EIDAS = List.of("eidas1", "eidas2", "eidas3");

    @Bean
    JwtDecoderFactory<ClientRegistration> decodeurJetonsIdentite(@Value("${guichet.franceconnect.acr:eidas1}") String acr) {
        OidcIdTokenDecoderFactory fabrique = new OidcIdTokenDecoderFactory();
        fabrique.setJwsAlgorithmResolver(ConfigurationOidc::algorithme);
        fabrique.setJwtValidatorFactory(client -> FRANCECONNECT.equals(client.getRegistrationId())
                ? new DelegatingOAuth2TokenValidator<>(new OidcIdTokenValidator(client), niveauAuMoins(acr))
                : new OidcIdTokenValidator(client));
        return fabrique;
    }

    @Bean
    OidcUserService serviceUtilisateurOidc() {
        OidcUserService service = new OidcUserService();
        service.setOauth2UserService(new UserInfoSigne());
        service.setRetrieveUserInfo(requete -> true);
        return service;
    }

    /**
     * Code exchange and checks of the ID token and userinfo. Each chain puts it in its own authentication manager
     * next to its password sign-in (an explicit manager ignores the providers that oauth2Login would register).
     */
    @Bean
    OidcAuthorizationCodeAuthenticationProvider verificationCodeOidc(OidcUserService utilisateurs,
                                                                     JwtDecoderFactory<ClientRegistration> decodeurs) {
        OidcAuthorizationCodeAuthenticationProvider verification = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), utilisateurs);
        verification.setJwtDecoderFactory(decodeurs);
        return verification;
    }

    static SignatureAlgorithm algorithme(ClientRegistration client) {
        Object annonces = client.getProviderDetails().getConfigurationMetadata().get("id_token_signing_alg_values_supported");
        if (annonces instanceof Collection<?> liste && !liste.contains("ES256") && liste.contains("RS256")) {
            return SignatureAlgorithm.RS256;
        }
        return SignatureAlgorithm.ES256;
    }

    static OAuth2TokenValidator<Jwt> niveauAuMoins(String exige) {
        int minimum = NIVEAUX_EIDAS.indexOf(exige);
        return jwt -> {
            String acr = jwt.getClaimAsString("acr");
            return acr != null && NIVEAUX_EIDAS.indexOf(acr) >= Math.max(minimum, 0)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token",
                    "Niveau eIDAS insuffisant (acr " + acr + ", " + exige + " exigé)", null));
        };
    }
}
