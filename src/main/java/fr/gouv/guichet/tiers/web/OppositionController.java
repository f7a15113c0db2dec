package fr.gouv.guichet.tiers.web;

import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Mentions;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.tiers.internal.Depot;
import fr.gouv.guichet.tiers.internal.Oppositions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's link (e-mailed at the deposit): the dossier filed in their name, its state, and the objection. The
 * token in the URL is the only key (256 random bits, only its SHA-256 stored); an unknown token is a 404.
 */
@Controller
class OppositionController {

    private final Oppositions oppositions;
    private final Procedures procedures;
    private final Mentions mentions;

    OppositionController(Oppositions oppositions, Procedures procedures, Mentions mentions) {
        this.oppositions = oppositions;
        this.procedures = procedures;
        this.mentions = mentions;
    }

    @GetMapping("/tiers/depots/{jeton}")
    String voir(@PathVariable String jeton, Model model) {
        Depot depot = oppositions.depot(jeton).orElseThrow(DossierIntrouvable::new);
        var procedure = procedures.get(depot.demarche());
        model.addAttribute("depot", depot);
        model.addAttribute("jeton", jeton);
        model.addAttribute("demarche", procedure.libelle());
        model.addAttribute("statut", depot.etat() == null ? "" : procedure.cycle().etat(depot.etat()).libelleUsager());
        model.addAttribute("mentions", mentions.pour(depot.dossier(), depot.demarche()));
        model.addAttribute("entreprise", oppositions.entreprise(depot));
        model.addAttribute("motifMax", Oppositions.MOTIF_MAX);
        return "tiers/opposition";
    }

    @PostMapping("/tiers/depots/{jeton}/opposition")
    String opposer(@PathVariable String jeton, @RequestParam(defaultValue = "") String motif, RedirectAttributes redirection) {
        Depot depot = oppositions.depot(jeton).orElseThrow(DossierIntrouvable::new);
        if (motif.strip().length() > Oppositions.MOTIF_MAX) {
            redirection.addFlashAttribute("erreurMotif", "Votre message dépasse " + Oppositions.MOTIF_MAX + " caractères : raccourcissez-le.");
            redirection.addFlashAttribute("motifSaisi", motif.strip().substring(0, Oppositions.MOTIF_MAX));
            return "redirect:/tiers/depots/" + jeton + "#opposition";
        }
        if (oppositions.opposer(depot, motif)) {
            redirection.addFlashAttribute("messageSucces", "Votre opposition est enregistrée. Le service qui instruit le dossier en est "
                    + "informé et vérifiera auprès de vous avant toute décision.");
        } else {
            redirection.addFlashAttribute("messageInfo", "Votre opposition était déjà enregistrée.");
        }
        return "redirect:/tiers/depots/" + jeton;
    }
}
