package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.instruction.internal.AccesInstruction;
import fr.gouv.guichet.instruction.internal.RecapitulatifQuotidien;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agent turns their daily e-mail digest on or off (their own choice only: the agent comes from the session). */
@Controller
class RecapitulatifController {

    private final AccesInstruction acces;
    private final RecapitulatifQuotidien.Preference preference;

    RecapitulatifController(AccesInstruction acces, RecapitulatifQuotidien.Preference preference) {
        this.acces = acces;
        this.preference = preference;
    }

    @GetMapping("/agent/recapitulatif")
    String page(Model model) {
        AgentConnecte agent = acces.agent();
        model.addAttribute("demande", preference.demande(agent.id()));
        model.addAttribute("agent", agent);
        return "instruction/recapitulatif";
    }

    @PostMapping("/agent/recapitulatif")
    String choisir(@RequestParam(required = false) String recevoir, RedirectAttributes flash) {
        AgentConnecte agent = acces.agent();
        boolean oui = "oui".equals(recevoir);
        preference.choisir(agent.id(), oui);
        flash.addFlashAttribute("messageSucces", oui
                ? "C’est noté : vous recevrez chaque matin le récapitulatif des nouveaux éléments, s’il y en a."
                : "C’est noté : vous ne recevrez plus le récapitulatif quotidien.");
        return "redirect:/agent/recapitulatif";
    }
}
