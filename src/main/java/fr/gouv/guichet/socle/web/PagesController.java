package fr.gouv.guichet.socle.web;

import fr.gouv.guichet.socle.EntreeCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Public information pages; the home page lists the démarches the features declare ({@link EntreeCatalogue}). */
@Controller
class PagesController {

    private final Map<String, List<EntreeCatalogue>> catalogue;

    PagesController(List<EntreeCatalogue> entrees) {
        this.catalogue = entrees.stream().sorted(Comparator.comparingInt(EntreeCatalogue::ordre))
                .collect(Collectors.groupingBy(EntreeCatalogue::famille, LinkedHashMap::new, Collectors.toList()));
    }

    @GetMapping("/")
    String accueil(@RequestParam(name = "deconnexion", required = false) String deconnexion, Model model) {
        if (deconnexion != null) {
            model.addAttribute("messageSucces", "Vous êtes déconnecté. À bientôt sur Guichet.");
        }
        model.addAttribute("catalogue", catalogue);
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
