package fr.gouv.guichet.permis.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.permis.internal.RendezVousPrefecture;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The day's appointments of a préfecture for the exchange of non-EU licences (issue 12, point 5b): who comes at what
 * time to which desk, for which dossier, day by day, without JavaScript. Only the agents of that service: 404 for
 * anyone else, so that nobody learns whom a préfecture receives.
 */
@Controller
class RendezVousDuJourController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private final AgentCourant agentCourant;
    private final ServicesInstructeurs services;
    private final RendezVousPrefecture rendezVous;
    private final Clock horloge;

    RendezVousDuJourController(AgentCourant agentCourant, ServicesInstructeurs services, RendezVousPrefecture rendezVous, Clock horloge) {
        this.agentCourant = agentCourant;
        this.services = services;
        this.rendezVous = rendezVous;
        this.horloge = horloge;
    }

    @GetMapping("/agent/services/{code}/rendez-vous-permis")
    String jour(@PathVariable String code, @RequestParam(defaultValue = "") String jour, Model model) {
        AgentConnecte agent = agentCourant.exiger();
        if (code.length() > 40 || !agent.instruit(code)) {
            throw new DossierIntrouvable();
        }
        ServiceInstructeur service = services.parCode(code).orElseThrow(DossierIntrouvable::new);
        LocalDate date = LocalDate.now(horloge.withZone(PARIS));
        if (!jour.isBlank()) {
            try {
                date = LocalDate.parse(jour.length() > 10 ? "" : jour);
            } catch (DateTimeParseException e) {
                model.addAttribute("messageErreur", "Date non reconnue (attendue sous la forme 2026-12-07) : les rendez-vous "
                        + "affichés sont ceux d’aujourd’hui.");
            }
        }
        model.addAttribute("service", service);
        model.addAttribute("jour", date);
        model.addAttribute("jourEnClair", JOUR.format(date));
        model.addAttribute("veille", date.minusDays(1));
        model.addAttribute("lendemain", date.plusDays(1));
        model.addAttribute("rendezVous", rendezVous.duJour(code, date));
        return "permis/rendez-vous-jour";
    }
}
