package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.mediation.internal.SessionsAccompagnees;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The assisted-session filter, just before Spring Security (it sees a sign-out before Spring Security handles it). */
@Configuration(proxyBeanMethods = false)
class ConfigurationAccompagnement {

    @Bean
    FilterRegistrationBean<FiltreAccompagnement> filtreAccompagnement(SessionsAccompagnees sessions, FinAccompagnement fin) {
        FilterRegistrationBean<FiltreAccompagnement> inscription = new FilterRegistrationBean<>(new FiltreAccompagnement(sessions, fin));
        inscription.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        inscription.addUrlPatterns("/*");
        return inscription;
    }
}
