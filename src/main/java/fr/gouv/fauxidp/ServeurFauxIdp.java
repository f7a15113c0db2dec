package fr.gouv.fauxidp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fr.gouv.fauxidp.ClientsTolerants.Client;
import fr.gouv.fauxidp.Persona.Fournisseur;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demonstration provider's Spring context: Tomcat, Spring MVC, Spring Security and Spring Authorization Server,
 * nothing else (no auto-configuration scan: Guichet's classpath has a database, mail, sessions… that this context
 * must not start). Two issuers, {@code /fc/api/v2} and {@code /proconnect/api/v2}, laid out like the real ones.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class})
@EnableWebSecurity
@Import(PageConnexion.class)
public class ServeurFauxIdp {

    static final String SCOPES_FC = "openid given_name family_name birthdate birthplace birthcountry gender "
            + "preferred_username email profile birth identite_pivot";
    static final String SCOPES_PROCONNECT = "openid given_name usual_name email uid siret siren organizational_unit "
            + "belonging_population phone chorusdt idp_id";

    @Bean
    ClientsTolerants clientsTolerants(Environment env) {
        Set<String> origines = Set.of(env.getProperty("fauxidp.origine-publique", "http://localhost:8080"));
        return new ClientsTolerants(List.of(
                client(env, Fournisseur.FC, "/connexion/oidc/franceconnect", "/deconnexion/fin", SCOPES_FC),
                client(env, Fournisseur.PROCONNECT, "/agent/connexion/oidc/proconnect", "/agent/deconnexion/fin",
                        SCOPES_PROCONNECT)), origines);
    }

    private static Client client(Environment env, Fournisseur f, String retour, String deconnexion, String scopes) {
        String prefixe = "fauxidp." + f.chemin() + ".";
        return new Client(env.getRequiredProperty(prefixe + "client-id"), env.getRequiredProperty(prefixe + "client-secret"),
                f, retour, deconnexion, Set.of(scopes.split(" ")));
    }

    @Bean
    AuthorizationServerSettings reglagesServeur() {
        return AuthorizationServerSettings.builder()
                .multipleIssuersAllowed(true)
                .authorizationEndpoint("/authorize")
                .tokenEndpoint("/token")
                .oidcUserInfoEndpoint("/userinfo")
                .oidcLogoutEndpoint("/session/end")
                .jwkSetEndpoint("/jwks")
                .tokenRevocationEndpoint("/token/revoke")
                .tokenIntrospectionEndpoint("/token/introspect")
                .build();
    }

    @Bean
    JWKSource<SecurityContext> cles() throws JOSEException {
        return new ImmutableJWKSet<>(new JWKSet(new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
                .algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE).generate()));
    }

    @Bean
    JwtEncoder encodeur(JWKSource<SecurityContext> cles) {
        return new NimbusJwtEncoder(cles);
    }

    @Bean
    JwtDecoder decodeurJetonsAcces(JWKSource<SecurityContext> cles) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(cles);
    }

    @Bean
    JetonsEtUserInfo jetonsEtUserInfo(JwtEncoder encodeur) {
        return new JetonsEtUserInfo(encodeur);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personnalisationJetons(JetonsEtUserInfo jetons) {
        return jetons::personnaliser;
    }

    @Bean
    FilterRegistrationBean<ControleParametres> controleParametres(ClientsTolerants clients) {
        FilterRegistrationBean<ControleParametres> enregistrement = new FilterRegistrationBean<>(new ControleParametres(clients));
        enregistrement.setOrder(-101);
        return enregistrement;
    }

    /** Back to the exact authorization request after sign-in (no "?continue": ProConnect refuses unknown parameters). */
    static HttpSessionRequestCache demandesSauvegardees() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    @Order(1)
    SecurityFilterChain serveurAutorisation(HttpSecurity http, ClientsTolerants clients, JetonsEtUserInfo jetons)
            throws Exception {
        OAuth2AuthorizationServerConfigurer serveur = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(serveur.getEndpointsMatcher())
                .with(serveur, s -> s
                        .registeredClientRepository(clients)
                        .oidc(o -> o
                                .providerConfigurationEndpoint(d -> d.providerConfigurationCustomizer(c -> c
                                        .idTokenSigningAlgorithms(a -> {
                                            a.clear();
                                            a.add("ES256");
                                        })
                                        .claim("userinfo_signing_alg_values_supported", List.of("ES256"))
                                        .claim("acr_values_supported", List.of("eidas1", "eidas2", "eidas3"))))
                                .userInfoEndpoint(u -> u.userInfoMapper(jetons::userInfo)
                                        .userInfoResponseHandler(jetons::repondre))
                                .logoutEndpoint(Customizer.withDefaults())))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()))
                .requestCache(c -> c.requestCache(demandesSauvegardees()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/connexion"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageConnexion(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .requestCache(c -> c.requestCache(demandesSauvegardees()))
                .authenticationProvider(new ConnexionPersona())
                .formLogin(f -> f.loginPage("/connexion").usernameParameter("persona").passwordParameter("inutilise"))
                .csrf(c -> c.disable());
        return http.build();
    }
}
