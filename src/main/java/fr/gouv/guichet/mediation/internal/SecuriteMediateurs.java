package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.socle.securite.EnTetesSecurite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** The médiateurs' pages (/mediateur/**): their own sign-in; usagers and agents are never let in. */
@Configuration(proxyBeanMethods = false)
class SecuriteMediateurs {

    @Bean
    @Order(0)
    SecurityFilterChain chaineSecuriteMediateurs(HttpSecurity http, AuthentificationMediateur authentification) throws Exception {
        EnTetesSecurite.appliquer(http);
        SessionFlashMapManager flash = new SessionFlashMapManager();
        http.securityMatcher("/mediateur/**")
                .authenticationManager(new ProviderManager(authentification))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/mediateur/connexion", "/mediateur/invitation").permitAll()
                        .anyRequest().hasAuthority(MediateurConnecte.ROLE))
                .formLogin(f -> f.loginPage("/mediateur/connexion")
                        .loginProcessingUrl("/mediateur/connexion")
                        .usernameParameter("email")
                        .passwordParameter("motDePasse")
                        .defaultSuccessUrl("/mediateur", true)
                        .failureHandler((request, response, exception) -> {
                            FlashMap attributs = new FlashMap();
                            attributs.put("messageErreur", exception.getMessage());
                            attributs.setTargetRequestPath(request.getContextPath() + "/mediateur/connexion");
                            flash.saveOutputFlashMap(attributs, request, response);
                            response.sendRedirect(request.getContextPath() + "/mediateur/connexion");
                        }))
                .logout(l -> l.logoutUrl("/mediateur/deconnexion").logoutSuccessUrl("/mediateur/connexion?deconnexion"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }
}
