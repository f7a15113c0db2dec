package fr.gouv.guichet.socle.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A page shown again after a refused submission has "Erreur : " before its title (as GOV.UK's error summary does),
 * so that a screen-reader user hears it first. A form bound by Spring ({@link BindingResult} with errors) and a page
 * given an {@code erreur} message are detected here; a controller that checks by other means sets the model attribute
 * {@value #EN_ERREUR} itself. The layout
 * reads it; the error summary of such a page takes the focus ({@code autofocus}).
 */
@Configuration(proxyBeanMethods = false)
class TitreEnErreur implements WebMvcConfigurer, HandlerInterceptor {

    static final String EN_ERREUR = "enErreur";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView vue) {
        if (vue == null || vue.getModelMap().containsKey(EN_ERREUR)) {
            return;
        }
        boolean erreur = vue.getModelMap().get("erreur") instanceof String
                || vue.getModelMap().values().stream().anyMatch(v -> v instanceof BindingResult resultat && resultat.hasErrors());
        if (erreur) {
            vue.addObject(EN_ERREUR, true);
        }
    }
}
