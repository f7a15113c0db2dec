package fr.gouv.guichet.socle.oidc;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Userinfo read as a signed JWT ({@code Accept: application/jwt}), as FranceConnect v2 and ProConnect answer it:
 * signature verified on the provider's JWKS (ES256 or RS256), {@code iss} = the provider, {@code aud} = our client.
 * Anything else (plain JSON, broken signature, other issuer or audience) is refused. Spring Security does not do
 * this itself (spring-security #9583).
 */
final class UserInfoSigne implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    static final MediaType APPLICATION_JWT = MediaType.parseMediaType("application/jwt");

    private final RestClient http = RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()))
            .build();
    private final Map<String, JwtDecoder> decodeurs = new ConcurrentHashMap<>();

    @Override
    public OAuth2User loadUser(OAuth2UserRequest requete) {
        ClientRegistration client = requete.getClientRegistration();
        ResponseEntity<String> reponse;
        try {
            reponse = http.get().uri(client.getProviderDetails().getUserInfoEndpoint().getUri())
                    .headers(h -> {
                        h.setBearerAuth(requete.getAccessToken().getTokenValue());
                        h.setAccept(java.util.List.of(APPLICATION_JWT));
                    })
                    .retrieve().toEntity(String.class);
        } catch (RestClientException e) {
            throw refus("userinfo injoignable ou en erreur : " + e.getMessage());
        }
        MediaType type = reponse.getHeaders().getContentType();
        if (type == null || !APPLICATION_JWT.isCompatibleWith(type) || reponse.getBody() == null) {
            throw refus("userinfo non signé (type " + type + ")");
        }
        Jwt jwt;
        try {
            jwt = decodeurs.computeIfAbsent(client.getRegistrationId(), id -> decodeur(client)).decode(reponse.getBody());
        } catch (JwtException e) {
            throw refus("userinfo refusé : " + e.getMessage());
        }
        return new DefaultOAuth2User(AuthorityUtils.createAuthorityList("OAUTH2_USER"), jwt.getClaims(), "sub");
    }

    private static JwtDecoder decodeur(ClientRegistration client) {
        NimbusJwtDecoder decodeur = NimbusJwtDecoder.withJwkSetUri(client.getProviderDetails().getJwkSetUri())
                .jwsAlgorithms(a -> {
                    a.add(SignatureAlgorithm.ES256);
                    a.add(SignatureAlgorithm.RS256);
                })
                .build();
        String clientId = client.getClientId();
        decodeur.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(client.getProviderDetails().getIssuerUri()),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(clientId)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_user_info_response",
                        "userinfo destiné à un autre client", null))));
        return decodeur;
    }

    private static OAuth2AuthenticationException refus(String raison) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response", raison, null));
    }
}
