package fr.gouv.fauxidp;

import com.nimbusds.jose.util.Base64URL;
import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Persona.Fournisseur;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the provider puts in its tokens and userinfo: ES256 everywhere, acr/amr/auth_time, signed userinfo. */
final class JetonsEtUserInfo {

    private final JwtEncoder encodeur;

    JetonsEtUserInfo(JwtEncoder encodeur) {
        this.encodeur = encodeur;
    }

    /**
     * Token customizer: ES256 for every JWT; acr (copied from acr_values on FranceConnect) and amr in the ID token
     * (auth_time and nonce are set by Spring Authorization Server).
     */
    void personnaliser(JwtEncodingContext context) {
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        Persona persona = Personas.parSub(context.getPrincipal().getName()).orElseThrow();
        OAuth2Authorization autorisation = context.getAuthorization();
        OAuth2AuthorizationRequest demande = autorisation == null ? null
                : autorisation.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object acrDemande = demande == null ? null : demande.getAdditionalParameters().get("acr_values");
        String acr = persona.fournisseur() == Fournisseur.FC && acrDemande != null ? acrDemande.toString() : "eidas1";
        if (persona.defaut() == Defaut.ACR_INSUFFISANT) {
            acr = "eidas0";
        }
        context.getClaims().claim("acr", acr).claim("amr", persona.amr());
    }

    /** The persona's claims: for FranceConnect only those of the granted scopes (a scope per claim). */
    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization autorisation = context.getAuthorization();
        Persona persona = Personas.parSub(autorisation.getPrincipalName()).orElseThrow();
        Set<String> scopes = autorisation.getAuthorizedScopes();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", persona.sub());
        persona.claims().forEach((nom, valeur) -> {
            if (persona.fournisseur() == Fournisseur.PROCONNECT || scopes.contains(nom)) {
                claims.put(nom, valeur);
            }
        });
        return new OidcUserInfo(claims);
    }

    /** Userinfo answered as a signed JWT ({@code application/jwt}), audience the client, issuer this provider. */
    void repondre(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OidcUserInfoAuthenticationToken jeton = (OidcUserInfoAuthenticationToken) authentication;
        Map<String, Object> claims = jeton.getUserInfo().getClaims();
        Persona persona = Personas.parSub(String.valueOf(claims.get("sub"))).orElseThrow();
        if (persona.defaut() == Defaut.USERINFO_NON_SIGNE) {
            response.setContentType("application/json");
            response.getOutputStream().write(new tools.jackson.databind.json.JsonMapper().writeValueAsBytes(claims));
            return;
        }
        Object audience = ((AbstractOAuth2TokenAuthenticationToken<?>) jeton.getPrincipal()).getTokenAttributes().get("aud");
        Instant maintenant = Instant.now();
        JwtClaimsSet.Builder contenu = JwtClaimsSet.builder()
                .issuer(AuthorizationServerContextHolder.getContext().getIssuer())
                .issuedAt(maintenant)
                .expiresAt(maintenant.plusSeconds(60))
                .claims(c -> c.putAll(claims));
        contenu.claim("aud", audience);
        String jwt = encodeur.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(),
                contenu.build())).getTokenValue();
        if (persona.defaut() == Defaut.USERINFO_FALSIFIE) {
            jwt = falsifier(jwt);
        }
        response.setContentType("application/jwt");
        response.getOutputStream().write(jwt.getBytes(StandardCharsets.US_ASCII));
    }

    /** Same header and signature, another family name in the payload: the signature no longer matches. */
    private static String falsifier(String jwt) {
        String[] parties = jwt.split("\\.");
        String contenu = new Base64URL(parties[1]).decodeToString().replaceFirst("\"family_name\":\"[^\"]*\"",
                "\"family_name\":\"USURPATEUR\"");
        return parties[0] + "." + Base64URL.encode(contenu) + "." + parties[2];
    }
}
