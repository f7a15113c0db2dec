package fr.gouv.guichet.socle.oidc;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ID token algorithm chosen from the provider's discovery, and the eIDAS level check. */
class ConfigurationOidcTest {

    static ClientRegistration client(List<String> algorithmes) {
        return ClientRegistration.withRegistrationId("franceconnect").clientId("c").clientSecret("s")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("{baseUrl}/x")
                .authorizationUri("https://fc/authorize").tokenUri("https://fc/token").jwkSetUri("https://fc/jwks")
                .providerConfigurationMetadata(Map.of("id_token_signing_alg_values_supported", algorithmes)).build();
    }

    @Test
    void es256ParDefautEtRs256SeulementSiLeFournisseurNAnnonceQueLui() {
        assertThat(ConfigurationOidc.algorithme(client(List.of("ES256")))).isEqualTo(SignatureAlgorithm.ES256);
        assertThat(ConfigurationOidc.algorithme(client(List.of("ES256", "RS256")))).isEqualTo(SignatureAlgorithm.ES256);
        assertThat(ConfigurationOidc.algorithme(client(List.of("RS256")))).isEqualTo(SignatureAlgorithm.RS256);
        assertThat(ConfigurationOidc.algorithme(client(List.of("HS256")))).isEqualTo(SignatureAlgorithm.ES256);
    }

    @Test
    void leNiveauEidasDoitEtreAuMoinsCeluiDemande() {
        var eidas1 = ConfigurationOidc.niveauAuMoins("eidas1");
        assertThat(eidas1.validate(jwt("eidas1")).hasErrors()).isFalse();
        assertThat(eidas1.validate(jwt("eidas2")).hasErrors()).isFalse();
        assertThat(eidas1.validate(jwt("eidas0")).hasErrors()).isTrue();
        assertThat(eidas1.validate(jwt(null)).hasErrors()).isTrue();
        assertThat(ConfigurationOidc.niveauAuMoins("eidas2").validate(jwt("eidas1")).hasErrors()).isTrue();
    }

    private static Jwt jwt(String acr) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "ES256").subject("s").issuedAt(Instant.now());
        if (acr != null) {
            b.claim("acr", acr);
        }
        return b.build();
    }
}
