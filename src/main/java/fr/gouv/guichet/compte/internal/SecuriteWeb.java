package fr.gouv.guichet.compte.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import fr.gouv.guichet.socle.oidc.ConfigurationOidc;
import fr.gouv.guichet.socle.oidc.ConnexionOidc;
import fr.gouv.guichet.socle.oidc.DeconnexionOidc;
import fr.gouv.guichet.socle.securite.EnTetesSecurite;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;
import java.util.Map;

/**
 * Web security of Guichet: who may open which part of the site, sign-in and sign-out, security headers.
 * Each feature's area is a path prefix checked here; each feature also checks ownership of what it serves.
 */
@Configuration(proxyBeanMethods = false)
class SecuriteWeb {

    /** Everything outside the agents' back office (ordered after the agents' chain). */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securite(HttpSecurity http, AuthentificationUsager authentification,
                                 ClientRegistrationRepository inscriptionsOidc, OidcUserService utilisateursOidc,
                                 OidcAuthorizationCodeAuthenticationProvider verificationOidc,
                                 ConnexionFranceConnect franceConnect, @Value("${guichet.franceconnect.acr:eidas1}") String acr)
            throws Exception {
        EnTetesSecurite.appliquer(http, ConnexionOidc.originesFournisseurs(inscriptionsOidc));
        ClientRegistrationRepository clients = ConnexionOidc.seulement(inscriptionsOidc, ConfigurationOidc.FRANCECONNECT);
        http.authenticationManager(new ProviderManager(authentification, verificationOidc))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/compte/email/confirmer").permitAll()
                        .requestMatchers("/usager", "/usager/**", "/compte", "/compte/**").hasAuthority(UsagerPrincipal.ROLE)
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("email")
                        .passwordParameter("motDePasse")
                        .defaultSuccessUrl("/usager", false)
                        .failureHandler(new EchecConnexion()))
                .oauth2Login(ConnexionOidc.connexion(clients, "", Map.of("acr_values", acr), utilisateursOidc, franceConnect))
                .logout(l -> l.logoutUrl("/deconnexion")
                        .logoutSuccessHandler(new DeconnexionOidc(clients, "/deconnexion/fin", "/?deconnexion")))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }

    /** Sends the reason of a refused sign-in back to the sign-in page (flash attributes, then redirect). */
    static final class EchecConnexion implements AuthenticationFailureHandler {

        private final SessionFlashMapManager flash = new SessionFlashMapManager();

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            ConnexionRefusee.Motif motif = exception instanceof ConnexionRefusee refus ? refus.motif()
                    : ConnexionRefusee.Motif.IDENTIFIANTS;
            FlashMap attributs = new FlashMap();
            attributs.put("motifRefus", motif.name());
            String email = request.getParameter("email");
            attributs.put("emailSaisi", email == null ? "" : email.strip());
            attributs.setTargetRequestPath(request.getContextPath() + "/connexion");
            flash.saveOutputFlashMap(attributs, request, response);
            response.sendRedirect(request.getContextPath() + "/connexion");
        }
    }
}
