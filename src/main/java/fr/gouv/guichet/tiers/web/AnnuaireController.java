package fr.gouv.guichet.tiers.web;

import fr.gouv.guichet.tiers.internal.Annuaire;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public directory of habilitated professionals and approved driving schools (name, commune, activities). */
@Controller
class AnnuaireController {

    private final Annuaire annuaire;

    AnnuaireController(Annuaire annuaire) {
        this.annuaire = annuaire;
    }

    @GetMapping("/professionnels-habilites")
    String rechercher(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String type, Model model) {
        Annuaire.Recherche recherche = annuaire.rechercher(q, type);
        model.addAttribute("recherche", recherche);
        model.addAttribute("types", annuaire.types());
        return "tiers/annuaire";
    }
}
