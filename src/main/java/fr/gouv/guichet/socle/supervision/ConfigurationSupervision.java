package fr.gouv.guichet.socle.supervision;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request ids in the logs: right after the load-shedding filter (which stays first). */
@Configuration(proxyBeanMethods = false)
class ConfigurationSupervision {

    @Bean
    FilterRegistrationBean<IdentifiantRequete> identifiantRequete() {
        FilterRegistrationBean<IdentifiantRequete> r = new FilterRegistrationBean<>(new IdentifiantRequete());
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return r;
    }
}
