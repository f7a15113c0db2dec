package fr.gouv.guichet.juridique.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.juridique.internal.RegistreTribunaux;
import fr.gouv.guichet.juridique.internal.SaisieTribunal;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Departements;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The national administrator keeps the tribunal administratif of each département (/agent/national/** is reserved
 * to the national administrator by the back office's security chain; the agent is also reloaded and checked here).
 */
@Controller
class TribunauxController {

    private final RegistreTribunaux registre;
    private final Departements departements;
    private final AgentCourant agentCourant;

    TribunauxController(RegistreTribunaux registre, Departements departements, AgentCourant agentCourant) {
        this.registre = registre;
        this.departements = departements;
        this.agentCourant = agentCourant;
    }

    @GetMapping("/agent/national/tribunaux")
    String liste(Model model) {
        administrateurNational();
        model.addAttribute("tribunaux", registre.tous());
        model.addAttribute("departements", departements);
        return "juridique/tribunaux";
    }

    @GetMapping("/agent/national/tribunaux/{code}")
    String fiche(@PathVariable String code, Model model) {
        administrateurNational();
        Departement departement = departement(code);
        RegistreTribunaux.Ligne ligne = registre.ligne(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return fiche(departement, new SaisieTribunal(ligne.nom(), String.join("\n", ligne.adresse())), Map.of(), model);
    }

    @PostMapping("/agent/national/tribunaux/{code}")
    String modifier(@PathVariable String code, @RequestParam(name = "nom", required = false) String nom,
                    @RequestParam(name = "adresse", required = false) String adresse, Model model, RedirectAttributes redirection) {
        AgentConnecte agent = administrateurNational();
        Departement departement = departement(code);
        SaisieTribunal saisie = new SaisieTribunal(borne(nom, SaisieTribunal.NOM_MAX + 1),
                borne(adresse, SaisieTribunal.LIGNES_MAX * (SaisieTribunal.LIGNE_MAX + 2) + 1));
        Map<String, String> erreurs = saisie.erreurs();
        if (!erreurs.isEmpty()) {
            return fiche(departement, saisie, erreurs, model);
        }
        registre.modifier(code, saisie.tribunal(), agent.email());
        redirection.addFlashAttribute("messageSucces", "Tribunal administratif de " + departement.libelle()
                + " enregistré : les prochains actes le citeront.");
        return "redirect:/agent/national/tribunaux/" + code;
    }

    private String fiche(Departement departement, SaisieTribunal saisie, Map<String, String> erreurs, Model model) {
        model.addAttribute("departement", departement);
        model.addAttribute("saisie", saisie);
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("historique", registre.historique(departement.code()));
        return "juridique/tribunal";
    }

    private Departement departement(String code) {
        return departements.parCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A bounded copy of what was typed: longer input is refused by the validation, never stored. */
    private static String borne(String valeur, int max) {
        return valeur == null ? "" : valeur.length() > max ? valeur.substring(0, max) : valeur;
    }

    private AgentConnecte administrateurNational() {
        AgentConnecte agent = agentCourant.exiger();
        if (!agent.administrateurNational()) {
            throw new AccessDeniedException("Réservé à l’administrateur national");
        }
        return agent;
    }
}
