package fr.gouv.guichet.identite.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.identite.internal.Delais;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.referentiel.Departements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The préfecture's side: the préfet's dashboard of waiting times (every agent of the préfecture), and the directory
 * of its département's equipped town halls, their agenda and closures (its administrator). Anyone else: 404.
 */
@Controller
class MairiesPrefectureController {

    private final AgentCourant agentCourant;
    private final Mairies mairies;
    private final Delais delais;
    private final Departements departements;
    private final Clock horloge;

    MairiesPrefectureController(AgentCourant agentCourant, Mairies mairies, Delais delais, Departements departements, Clock horloge) {
        this.agentCourant = agentCourant;
        this.mairies = mairies;
        this.delais = delais;
        this.departements = departements;
        this.horloge = horloge;
    }

    @GetMapping("/agent/prefectures/{departement}/mairies")
    String tableau(@PathVariable String departement, Model model) {
        AgentConnecte agent = deLaPrefecture(departement);
        model.addAttribute("departement", departements.parCode(departement).orElseThrow(Introuvable::new));
        model.addAttribute("delais", delais.duDepartement(departement));
        model.addAttribute("aujourdhui", LocalDate.now(horloge.withZone(PreDemandes.PARIS)));
        model.addAttribute("administre", agent.administre(departement));
        return "identite/prefecture-mairies";
    }

    @GetMapping("/agent/prefectures/{departement}/mairies/{service}")
    String fiche(@PathVariable String departement, @PathVariable String service, Model model) {
        Mairie m = administree(departement, service);
        return vue(model, m, Map.of("nom", m.nom(), "horaires", m.horaires(), "duree", String.valueOf(m.dureeCreneauMinutes()),
                "dispositifs", String.valueOf(m.dispositifs()), "accessibilite", m.accessibilite(),
                "site", m.siteReservation() == null ? "" : m.siteReservation()), Map.of());
    }

    @PostMapping("/agent/prefectures/{departement}/mairies/{service}")
    String modifier(@PathVariable String departement, @PathVariable String service, @RequestParam(defaultValue = "") String nom,
                    @RequestParam(defaultValue = "") String horaires, @RequestParam(defaultValue = "") String duree,
                    @RequestParam(defaultValue = "") String dispositifs, @RequestParam(defaultValue = "") String accessibilite,
                    @RequestParam(defaultValue = "") String site, Model model, RedirectAttributes redirection) {
        Mairie m = administree(departement, service);
        Map<String, String> erreurs = mairies.modifier(m.service(), nom, horaires, duree, dispositifs, accessibilite, site,
                agentCourant.exiger().id());
        if (!erreurs.isEmpty()) {
            return vue(model, m, Map.of("nom", borne(nom), "horaires", borne(horaires), "duree", borne(duree),
                    "dispositifs", borne(dispositifs), "accessibilite", borne(accessibilite), "site", borne(site)), erreurs);
        }
        redirection.addFlashAttribute("messageSucces", "Mairie enregistrée : l’agenda en tient compte aussitôt.");
        return "redirect:/agent/prefectures/" + departement + "/mairies/" + service;
    }

    @PostMapping("/agent/prefectures/{departement}/mairies/{service}/fermetures")
    String fermer(@PathVariable String departement, @PathVariable String service, @RequestParam(defaultValue = "") String du,
                  @RequestParam(defaultValue = "") String au, @RequestParam(defaultValue = "") String motif, RedirectAttributes redirection) {
        Mairie m = administree(departement, service);
        try {
            LocalDate debut = LocalDate.parse(du.length() > 10 ? "" : du);
            LocalDate fin = au.isBlank() ? debut : LocalDate.parse(au.length() > 10 ? "" : au);
            if (fin.isBefore(debut) || motif.isBlank() || motif.length() > 200) {
                throw new DateTimeParseException("incohérent", du, 0);
            }
            mairies.ajouterFermeture(m.service(), debut, fin, motif.strip());
            redirection.addFlashAttribute("messageSucces", "Fermeture enregistrée : ses créneaux ne sont plus proposés.");
        } catch (DateTimeParseException e) {
            redirection.addFlashAttribute("messageErreur", "Indiquez le premier et le dernier jour de fermeture (le dernier après "
                    + "le premier) et un motif de 200 caractères au plus.");
        }
        return "redirect:/agent/prefectures/" + departement + "/mairies/" + service;
    }

    @PostMapping("/agent/prefectures/{departement}/mairies/{service}/fermetures/{id}/supprimer")
    String rouvrir(@PathVariable String departement, @PathVariable String service, @PathVariable long id, RedirectAttributes redirection) {
        Mairie m = administree(departement, service);
        if (!mairies.supprimerFermeture(m.service(), id)) {
            throw new Introuvable();
        }
        redirection.addFlashAttribute("messageSucces", "Fermeture supprimée.");
        return "redirect:/agent/prefectures/" + departement + "/mairies/" + service;
    }

    private String vue(Model model, Mairie m, Map<String, String> saisie, Map<String, String> erreurs) {
        model.addAttribute("mairie", m);
        model.addAttribute("saisie", new LinkedHashMap<>(saisie));
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("enErreur", !erreurs.isEmpty());
        model.addAttribute("fermetures", mairies.fermetures(m.service(), LocalDate.now(horloge.withZone(PreDemandes.PARIS))));
        return "identite/prefecture-mairie";
    }

    private static String borne(String s) {
        return s.length() > 600 ? s.substring(0, 600) : s;
    }

    private AgentConnecte deLaPrefecture(String departement) {
        AgentConnecte agent = agentCourant.exiger();
        if (departement.length() > 3 || !(agent.instruit(departement) || agent.administrateurNational())) {
            throw new Introuvable();
        }
        return agent;
    }

    private Mairie administree(String departement, String service) {
        AgentConnecte agent = deLaPrefecture(departement);
        if (!agent.administre(departement)) {
            throw new Introuvable();
        }
        return mairies.parService(service.length() > 40 ? "" : service).filter(m -> m.codeDepartement().equals(departement))
                .orElseThrow(Introuvable::new);
    }
}
