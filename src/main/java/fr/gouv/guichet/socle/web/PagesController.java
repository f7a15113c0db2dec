package fr.gouv.guichet.socle.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public information pages. */
@Controller
class PagesController {

    @GetMapping("/")
    String accueil(@RequestParam(name = "deconnexion", required = false) String deconnexion, Model model) {
        if (deconnexion != null) {
            model.addAttribute("messageSucces", "Vous êtes déconnecté. À bientôt sur Guichet.");
        }
        return "pages/accueil";
    }

    @GetMapping("/mentions-legales")
    String mentionsLegales() {
        return "pages/mentions-legales";
    }

    @GetMapping("/accessibilite")
    String accessibilite() {
        return "pages/accessibilite";
    }

    @GetMapping("/donnees-personnelles")
    String donneesPersonnelles() {
        return "pages/donnees-personnelles";
    }
}
