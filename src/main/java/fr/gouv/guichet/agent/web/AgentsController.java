package fr.gouv.guichet.agent.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.compte.ReglesMotDePasse;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agents' sign-in page, invitations, and the préfecture administrator's list of agents. */
@Controller
class AgentsController {

    private final Agents agents;
    private final AgentCourant agentCourant;
    private final ServicesInstructeurs services;

    AgentsController(Agents agents, AgentCourant agentCourant, ServicesInstructeurs services) {
        this.agents = agents;
        this.agentCourant = agentCourant;
        this.services = services;
    }

    @GetMapping("/agent/connexion")
    String connexion(@RequestParam(name = "deconnexion", required = false) String deconnexion, Model model) {
        if (deconnexion != null) {
            model.addAttribute("messageSucces", "Vous êtes déconnecté.");
        }
        if (!model.containsAttribute("emailSaisi")) {
            model.addAttribute("emailSaisi", "");
        }
        return "agent/connexion";
    }

    @GetMapping("/agent/invitation")
    String invitation(@RequestParam(name = "jeton", defaultValue = "") String jeton, Model model) {
        model.addAttribute("jeton", jeton);
        model.addAttribute("valide", !jeton.isBlank() && agents.invitationValide(jeton));
        model.addAttribute("rattachement", jeton.isBlank() ? null : agents.rattachementPropose(jeton).orElse(null));
        return "agent/invitation";
    }

    @PostMapping("/agent/invitation")
    String accepter(@RequestParam(name = "jeton", defaultValue = "") String jeton,
                    @RequestParam(name = "motDePasse", defaultValue = "") String motDePasse,
                    @RequestParam(name = "confirmation", defaultValue = "") String confirmation,
                    Model model, RedirectAttributes redirection) {
        model.addAttribute("jeton", jeton);
        if (!jeton.isBlank() && agents.rattachementPropose(jeton).isPresent()) {
            // An active agent of another préfecture: the attachment is recorded now, with their consent.
            if (agents.accepterRattachement(jeton)) {
                redirection.addFlashAttribute("messageSucces", "Invitation acceptée : connectez-vous avec votre compte agent habituel.");
                return "redirect:/agent/connexion";
            }
        }
        model.addAttribute("valide", !jeton.isBlank() && agents.invitationValide(jeton));
        String erreur = ReglesMotDePasse.verifier(motDePasse, null).orElse(null);
        if (erreur == null && !motDePasse.equals(confirmation)) {
            erreur = "La confirmation ne correspond pas au mot de passe : saisissez deux fois le même mot de passe.";
        }
        if (erreur != null) {
            model.addAttribute("erreur", erreur);
            return "agent/invitation";
        }
        if (!agents.accepterInvitation(jeton, motDePasse)) {
            model.addAttribute("valide", false);
            return "agent/invitation";
        }
        redirection.addFlashAttribute("messageSucces", "Votre mot de passe est enregistré : vous pouvez vous connecter.");
        return "redirect:/agent/connexion";
    }

    /**
     * The national administrator's entry: every service, to invite its administrators, and the services whose
     * procedures are not offered because their contact details are incomplete (with what is missing).
     */
    @GetMapping("/agent/national")
    String national(Model model) {
        AgentConnecte agent = agentCourant.exiger();
        model.addAttribute("services", services.tous());
        model.addAttribute("incomplets", agent.administrateurNational() ? services.incomplets() : java.util.List.of());
        return "agent/national";
    }

    @GetMapping({"/agent/services/{code}/agents", "/agent/prefectures/{code}/agents"})
    String membres(@PathVariable String code, Model model) {
        AgentConnecte agent = administrateur(code);
        model.addAttribute("membres", agents.membres(agent, code));
        model.addAttribute("service", services.parCode(code).orElseThrow(() -> new AccessDeniedException("Service inconnu")));
        model.addAttribute("roles", RoleAgent.values());
        return "agent/membres";
    }

    @PostMapping({"/agent/services/{code}/agents", "/agent/prefectures/{code}/agents"})
    String inviter(@PathVariable String code, @RequestParam(name = "email", defaultValue = "") String email,
                   @RequestParam(name = "nom", defaultValue = "") String nom,
                   @RequestParam(name = "role", defaultValue = "INSTRUCTEUR") RoleAgent role, RedirectAttributes redirection) {
        AgentConnecte agent = administrateur(code);
        java.util.Optional<String> erreurAdresse = fr.gouv.guichet.socle.securite.AdressesElectroniques.erreur(email);
        if (erreurAdresse.isPresent() || nom.isBlank()) {
            redirection.addFlashAttribute("erreurInvitation", erreurAdresse.filter(m -> !nom.isBlank()).orElse(
                    "Indiquez le nom et une adresse électronique valide (nom@domaine.fr) de l’agent à inviter."));
            return "redirect:/agent/services/" + code + "/agents";
        }
        agents.inviter(agent, code, email, nom, role);
        redirection.addFlashAttribute("messageSucces", "Invitation envoyée à "
                + fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(email) + ".");
        return "redirect:/agent/services/" + code + "/agents";
    }

    @PostMapping({"/agent/services/{code}/agents/{agentId}/desactivation", "/agent/prefectures/{code}/agents/{agentId}/desactivation"})
    String desactiver(@PathVariable String code, @PathVariable long agentId, RedirectAttributes redirection) {
        agents.desactiver(administrateur(code), code, agentId);
        redirection.addFlashAttribute("messageSucces", "L’agent n’a plus accès aux dossiers de ce service.");
        return "redirect:/agent/services/" + code + "/agents";
    }

    /** The agent, if they administer that service; another service's pages answer 404, as if they did not exist. */
    private AgentConnecte administrateur(String code) {
        AgentConnecte agent = agentCourant.exiger();
        if (!agent.administre(code) || services.parCode(code).isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return agent;
    }
}
