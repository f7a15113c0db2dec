package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.socle.securite.EnTetesSecurite;
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

    @Bean
    @Order(1)
    SecurityFilterChain chaineSecuriteAgents(HttpSecurity http, AuthentificationAgent authentification) throws Exception {
        EnTetesSecurite.appliquer(http);
        SessionFlashMapManager flash = new SessionFlashMapManager();
        http.securityMatcher("/agent/**")
                .authenticationManager(new ProviderManager(authentification))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/agent/connexion", "/agent/invitation").permitAll()
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
                .logout(l -> l.logoutUrl("/agent/deconnexion").logoutSuccessUrl("/agent/connexion?deconnexion"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }
}
