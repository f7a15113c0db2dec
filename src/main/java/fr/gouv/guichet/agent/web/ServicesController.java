package fr.gouv.guichet.agent.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.referentiel.Competences;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServiceInstructeur.Coordonnees;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.referentiel.ValidationCoordonnees;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * A service's contact details and signatory, edited by its administrator (or the national administrator), and the
 * dated competence table, extended by the national administrator. Another service's page answers 404.
 */
@Controller
class ServicesController {

    private final AgentCourant agentCourant;
    private final ServicesInstructeurs services;
    private final Competences competences;
    private final Departements departements;

    ServicesController(AgentCourant agentCourant, ServicesInstructeurs services, Competences competences, Departements departements) {
        this.agentCourant = agentCourant;
        this.services = services;
        this.competences = competences;
        this.departements = departements;
    }

    @GetMapping("/agent/services/{code}/coordonnees")
    String coordonnees(@PathVariable String code, Model model) {
        ServiceInstructeur service = administre(code);
        return vueCoordonnees(model, service, service.coordonnees(), Map.of());
    }

    @PostMapping("/agent/services/{code}/coordonnees")
    String enregistrer(@PathVariable String code, @ModelAttribute SaisieCoordonnees saisie, Model model, RedirectAttributes redirection) {
        ServiceInstructeur service = administre(code);
        Coordonnees c = saisie.coordonnees();
        Map<String, String> erreurs = services.modifierCoordonnees(code, c, agentCourant.exiger().id());
        if (!erreurs.isEmpty()) {
            return vueCoordonnees(model, service, c, erreurs);
        }
        redirection.addFlashAttribute("messageSucces", "Coordonnées enregistrées : elles figurent sur les prochains accusés de réception et actes.");
        return "redirect:/agent/services/" + code + "/coordonnees";
    }

    /** The form's fields; absent ones are empty (a missing field is an error shown beside it, never a 400). */
    record SaisieCoordonnees(@Nullable String adresse, @Nullable String telephone, @Nullable String courriel, @Nullable String horaires,
                             @Nullable String signatairePrenom, @Nullable String signataireNom, @Nullable String signataireQualite,
                             @Nullable String referenceDelegation) {
        Coordonnees coordonnees() {
            return new Coordonnees(n(adresse), n(telephone), n(courriel), n(horaires), n(signatairePrenom), n(signataireNom),
                    n(signataireQualite), n(referenceDelegation));
        }

        private static String n(@Nullable String s) {
            return s == null ? "" : s;
        }
    }

    private String vueCoordonnees(Model model, ServiceInstructeur service, Coordonnees saisie, Map<String, String> erreurs) {
        model.addAttribute("service", service);
        model.addAttribute("saisie", saisie);
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("manques", service.coordonnees().manques());
        model.addAttribute("max", Map.of("adresse", ValidationCoordonnees.ADRESSE_MAX, "telephone", ValidationCoordonnees.TELEPHONE_MAX,
                "courriel", ValidationCoordonnees.COURRIEL_MAX, "horaires", ValidationCoordonnees.HORAIRES_MAX,
                "nom", ValidationCoordonnees.NOM_MAX, "qualite", ValidationCoordonnees.QUALITE_MAX,
                "delegation", ValidationCoordonnees.DELEGATION_MAX));
        return "agent/coordonnees";
    }

    @GetMapping("/agent/national/competences")
    String competences(@RequestParam(name = "famille", required = false) @Nullable String famille,
                       @RequestParam(name = "departement", required = false) @Nullable String departement, Model model) {
        national();
        return vueCompetences(model, vide(famille), vide(departement), new Competences.Saisie("", "", "", "", "", ""), Map.of());
    }

    @PostMapping("/agent/national/competences")
    String ajouter(@ModelAttribute SaisieCompetence saisie, Model model, RedirectAttributes redirection) {
        AgentConnecte agent = national();
        Competences.Saisie s = saisie.saisie();
        Map<String, String> erreurs = competences.ajouter(s, agent.id());
        if (!erreurs.isEmpty()) {
            return vueCompetences(model, null, null, s, erreurs);
        }
        redirection.addFlashAttribute("messageSucces", "Ligne ajoutée : les dossiers déposés à partir du " + s.valideDu().strip()
                + " iront au service choisi ; les lignes précédentes restent dans l’historique.");
        return "redirect:/agent/national/competences?famille=" + s.famille().strip() + "&departement=" + s.departement().strip();
    }

    record SaisieCompetence(@Nullable String famille, @Nullable String departement, @Nullable String service, @Nullable String valideDu,
                            @Nullable String valideAu, @Nullable String source) {
        Competences.Saisie saisie() {
            return new Competences.Saisie(n(famille), n(departement), n(service), n(valideDu), n(valideAu), n(source));
        }

        private static String n(@Nullable String s) {
            return s == null ? "" : s;
        }
    }

    private String vueCompetences(Model model, @Nullable String famille, @Nullable String departement, Competences.Saisie saisie, Map<String, String> erreurs) {
        model.addAttribute("familles", competences.familles());
        model.addAttribute("departements", departements.tous());
        model.addAttribute("services", services.tous());
        model.addAttribute("famille", famille);
        model.addAttribute("departement", departement);
        model.addAttribute("historique", famille == null && departement == null ? java.util.List.of()
                : competences.historique(famille, departement));
        model.addAttribute("saisie", saisie);
        model.addAttribute("erreurs", erreurs);
        return "agent/competences";
    }

    private ServiceInstructeur administre(String code) {
        AgentConnecte agent = agentCourant.exiger();
        if (code.length() > 40 || !agent.administre(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return services.parCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private AgentConnecte national() {
        AgentConnecte agent = agentCourant.exiger();
        if (!agent.administrateurNational()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return agent;
    }

    private static @Nullable String vide(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
