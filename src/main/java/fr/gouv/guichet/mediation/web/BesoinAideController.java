package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.mediation.internal.AideContextuelle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "J'ai besoin d'aide", reached from every page, and the FAQ. */
@Controller
class BesoinAideController {

    private final AideContextuelle aide;

    BesoinAideController(AideContextuelle aide) {
        this.aide = aide;
    }

    @GetMapping("/besoin-d-aide")
    String besoinAide(@RequestParam(name = "depuis", required = false) String depuis, Model model) {
        model.addAttribute("aide", aide.pour(depuis));
        return "mediation/besoin-aide";
    }

    @GetMapping("/aide")
    String questionsFrequentes(Model model) {
        model.addAttribute("rubriques", aide.toutesLesQuestions());
        return "pages/aide";
    }
}
