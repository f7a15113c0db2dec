package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.socle.oidc.ConfigurationOidc;
import fr.gouv.guichet.socle.oidc.ConnexionOidc;
import fr.gouv.guichet.socle.securite.EnTetesSecurite;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** The back office (/agent/**): its own sign-in, for agents only; usagers are never let in. */
@Configuration(proxyBeanMethods = false)
class SecuriteAgents {

    /** ProConnect: the authentication methods are asked for (no acr_values: ProConnect refuses unknown parameters). */
    static final String AMR_ESSENTIEL = "{\"id_token\":{\"amr\":{\"essential\":true}}}";

    @Bean
    @Order(1)
    SecurityFilterChain chaineSecuriteAgents(HttpSecurity http, AuthentificationAgent authentification,
                                             ClientRegistrationRepository inscriptionsOidc, OidcUserService utilisateursOidc,
                                 OidcAuthorizationCodeAuthenticationProvider verificationOidc,
                                             ConnexionProConnect proConnect) throws Exception {
        EnTetesSecurite.appliquer(http, ConnexionOidc.originesFournisseurs(inscriptionsOidc));
        ClientRegistrationRepository clients = ConnexionOidc.seulement(inscriptionsOidc, ConfigurationOidc.PROCONNECT);
        SessionFlashMapManager flash = new SessionFlashMapManager();
        http.securityMatcher("/agent/**")
                .authenticationManager(new ProviderManager(authentification, verificationOidc))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/agent/connexion", "/agent/invitation", "/agent/deconnexion/fin").permitAll()
                        .requestMatchers("/agent/national/**").hasAuthority(AgentConnecte.ROLE_NATIONAL)
                        .anyRequest().hasAuthority(AgentConnecte.ROLE))
                .formLogin(f -> f.loginPage("/agent/connexion")
                        .loginProcessingUrl("/agent/connexion")
                        .usernameParameter("email")
                        .passwordParameter("motDePasse")
                        .defaultSuccessUrl("/agent", false)
                        .failureHandler((request, response, exception) -> {
                            FlashMap attributs = new FlashMap();
                            attributs.put("erreurConnexion", exception.getMessage());
                            String email = request.getParameter("email");
                            attributs.put("emailSaisi", email == null ? "" : email.strip());
                            attributs.setTargetRequestPath(request.getContextPath() + "/agent/connexion");
                            flash.saveOutputFlashMap(attributs, request, response);
                            response.sendRedirect(request.getContextPath() + "/agent/connexion");
                        }))
                .oauth2Login(ConnexionOidc.connexion(clients, "/agent", Map.of("claims", AMR_ESSENTIEL), utilisateursOidc, proConnect))
                .logout(l -> l.logoutUrl("/agent/deconnexion")
                        .logoutSuccessHandler(proConnect.deconnexion()))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }
}
