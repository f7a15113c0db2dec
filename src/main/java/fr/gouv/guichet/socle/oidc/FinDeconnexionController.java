package fr.gouv.guichet.socle.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Return from the provider's {@code /session/end}: the {@code state} must be the one of the logout cookie. */
@Controller
class FinDeconnexionController {

    @GetMapping({"/deconnexion/fin", "/agent/deconnexion/fin"})
    String fin(@RequestParam(name = "state", defaultValue = "") String state,
               @CookieValue(name = DeconnexionOidc.COOKIE, defaultValue = "") String attendu,
               HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirection) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(DeconnexionOidc.COOKIE, "")
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").path(request.getRequestURI()).maxAge(0)
                .build().toString());
        boolean agent = request.getRequestURI().startsWith(request.getContextPath() + "/agent/");
        boolean confirme = !attendu.isEmpty() && MessageDigest.isEqual(attendu.getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8));
        HttpSession session = request.getSession(false);
        Object messages = session == null ? null : session.getAttribute(DeconnexionOidc.MESSAGES_AU_RETOUR);
        if (session != null) {
            session.removeAttribute(DeconnexionOidc.MESSAGES_AU_RETOUR);
        }
        if (confirme && messages instanceof Map<?, ?> m) {
            m.forEach((nom, texte) -> {
                if (!DeconnexionOidc.RETOUR.equals(nom)) {
                    redirection.addFlashAttribute(nom.toString(), texte);
                }
            });
            if (m.get(DeconnexionOidc.RETOUR) instanceof String retour && retour.startsWith("/") && !retour.startsWith("//")) {
                return "redirect:" + retour;
            }
            return agent ? "redirect:/agent/connexion" : "redirect:/";
        }
        redirection.addFlashAttribute(confirme ? "messageSucces" : "messageInfo", confirme
                ? "Vous êtes déconnecté de Guichet et de " + (agent ? "ProConnect" : "FranceConnect") + "."
                : "Vous êtes déconnecté de Guichet. Le retour du fournisseur d’identité n’a pas pu être vérifié : "
                + "si vous utilisez un ordinateur partagé, fermez le navigateur.");
        return agent ? "redirect:/agent/connexion" : "redirect:/";
    }
}
