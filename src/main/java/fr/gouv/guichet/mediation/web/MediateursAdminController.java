package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.mediation.internal.Mediateurs;
import fr.gouv.guichet.mediation.internal.StatistiquesMediation;
import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The préfecture administrator's pages of its médiateurs and of its help places' statistics. */
@Controller
class MediateursAdminController {

    private final AgentCourant agentCourant;
    private final Mediateurs mediateurs;
    private final StatistiquesMediation statistiques;

    MediateursAdminController(AgentCourant agentCourant, Mediateurs mediateurs, StatistiquesMediation statistiques) {
        this.agentCourant = agentCourant;
        this.mediateurs = mediateurs;
        this.statistiques = statistiques;
    }

    /**
     * The agent, if the service is theirs: another service's agent gets a 404 as if nothing existed (the services'
     * own rule); within the service, only its administrators pass ({@link Mediateurs}, {@link StatistiquesMediation}).
     */
    private AgentConnecte agentDuService(String code) {
        AgentConnecte agent = agentCourant.exiger();
        if (!agent.administrateurNational() && !agent.instruit(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return agent;
    }

    @GetMapping("/agent/services/{code}/mediateurs")
    String liste(@PathVariable String code, Model model) {
        AgentConnecte agent = agentDuService(code);
        model.addAttribute("code", code);
        model.addAttribute("membres", mediateurs.duService(agent, code));
        model.addAttribute("lieux", mediateurs.lieuxDuService(code));
        model.addAttribute("erreurs", model.getAttribute("erreurs") == null ? Map.of() : model.getAttribute("erreurs"));
        return "mediation/mediateurs";
    }

    @PostMapping("/agent/services/{code}/mediateurs")
    String inviter(@PathVariable String code, @RequestParam(name = "email", defaultValue = "") String email,
                   @RequestParam(name = "nom", defaultValue = "") String nom,
                   @RequestParam(name = "lieu", defaultValue = "") String lieu, Model model, RedirectAttributes redirection) {
        AgentConnecte agent = agentDuService(code);
        Map<String, String> erreurs = new LinkedHashMap<>();
        AdressesElectroniques.erreur(email).ifPresent(m -> erreurs.put("email", m));
        if (nom.isBlank() || nom.strip().length() > 100) {
            erreurs.put("nom", "Saisissez le nom du médiateur (100 caractères au plus).");
        }
        if (mediateurs.lieuxDuService(code).stream().noneMatch(l -> l.id().equals(lieu))) {
            erreurs.put("lieu", "Choisissez le lieu d’aide du médiateur dans la liste.");
        }
        if (!erreurs.isEmpty()) {
            model.addAttribute("erreurs", erreurs);
            model.addAttribute("saisie", Map.of("email", email, "nom", nom, "lieu", lieu));
            model.addAttribute("code", code);
            model.addAttribute("membres", mediateurs.duService(agent, code));
            model.addAttribute("lieux", mediateurs.lieuxDuService(code));
            return "mediation/mediateurs";
        }
        mediateurs.inviter(agent, code, email, nom, lieu);
        redirection.addFlashAttribute("messageSucces", "Invitation envoyée à " + AdressesElectroniques.normaliser(email) + ".");
        return "redirect:/agent/services/" + code + "/mediateurs";
    }

    @PostMapping("/agent/services/{code}/mediateurs/{id}/desactivation")
    String desactiver(@PathVariable String code, @PathVariable long id, RedirectAttributes redirection) {
        mediateurs.desactiver(agentDuService(code), code, id);
        redirection.addFlashAttribute("messageSucces", "Le médiateur est désactivé : il ne peut plus se connecter.");
        return "redirect:/agent/services/" + code + "/mediateurs";
    }

    @GetMapping("/agent/services/{code}/mediation/statistiques")
    String statistiques(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("tableau", statistiques.de(agentDuService(code), code));
        return "mediation/statistiques";
    }

    @GetMapping("/agent/services/{code}/mediation/statistiques.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code) {
        byte[] contenu = statistiques.csv(agentDuService(code), code).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mediation-" + code.replaceAll("[^A-Za-z0-9-]", "")
                        + ".csv\"").body(contenu);
    }
}
