package fr.gouv.guichet.mediation.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the assisted session in progress (banner, end button, automatic end once idle), if any. */
@ControllerAdvice
class AccompagnementAdvice {

    @ModelAttribute("sessionAccompagnee")
    FiltreAccompagnement.@Nullable Vue accompagnement(HttpServletRequest request) {
        return FiltreAccompagnement.vue(request);
    }
}
