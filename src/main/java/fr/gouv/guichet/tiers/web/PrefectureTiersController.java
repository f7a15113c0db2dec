package fr.gouv.guichet.tiers.web;

import fr.gouv.guichet.tiers.internal.TableauTiers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The préfecture's dashboard of the trusted third parties it habilitated, with their fraud signals explained. */
@Controller
class PrefectureTiersController {

    private final TableauTiers tableau;

    PrefectureTiersController(TableauTiers tableau) {
        this.tableau = tableau;
    }

    @GetMapping("/agent/services/{code}/tiers")
    String tableau(@PathVariable String code, Model model) {
        model.addAttribute("lignes", tableau.duService(code));
        model.addAttribute("code", code);
        model.addAttribute("limite", TableauTiers.LIMITE);
        return "tiers/prefecture";
    }
}
