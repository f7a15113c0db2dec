package fr.gouv.guichet.signalement.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.signalement.FiltreSignaux;
import fr.gouv.guichet.signalement.PageSignaux;
import fr.gouv.guichet.signalement.Signaux;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A service's signals, newest first, filtered by rule: for the service's agents only (anyone else: 404). */
@Controller
class SignauxController {

    static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final AgentCourant agents;
    private final ServicesInstructeurs services;
    private final Signaux signaux;

    SignauxController(AgentCourant agents, ServicesInstructeurs services, Signaux signaux) {
        this.agents = agents;
        this.services = services;
        this.signaux = signaux;
    }

    @GetMapping("/agent/services/{code}/signaux")
    String liste(@PathVariable String code, @RequestParam(required = false) @Nullable String regle,
                 @RequestParam(defaultValue = "1") String page, Model model) {
        AgentConnecte agent = agents.exiger();
        if (!agent.instruit(code)) {
            throw new DossierIntrouvable();
        }
        ServiceInstructeur service = services.parCode(code).orElseThrow(DossierIntrouvable::new);
        PageSignaux resultat = signaux.duService(code, new FiltreSignaux(regle(regle), numero(page)));
        model.addAttribute("service", service);
        model.addAttribute("resultat", resultat);
        model.addAttribute("regle", regle(regle));
        model.addAttribute("format", DATE_HEURE);
        return "signalement/liste";
    }

    /** A rule's code as the filter offers them; anything else lists every rule (never an error). */
    private static @Nullable String regle(@Nullable String regle) {
        return regle != null && regle.matches("[a-z][a-z0-9-]{1,59}") ? regle : null;
    }

    private static int numero(String page) {
        return page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
    }
}
