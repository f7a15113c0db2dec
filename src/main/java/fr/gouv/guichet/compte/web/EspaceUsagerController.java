package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.EntreeEspaceUsager;
import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.SuiviDossiersUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.compte.internal.ProfilEnSession;
import fr.gouv.guichet.compte.internal.ServiceCompte;
import fr.gouv.guichet.referentiel.Departements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Comparator;
import java.util.List;

/** The usager's space: dossiers and drafts waiting for them first, then the chosen préfecture and the démarches offered. */
@Controller
class EspaceUsagerController {

    private final UsagerCourant usagerCourant;
    private final ServiceCompte comptes;
    private final Departements departements;
    private final List<EntreeEspaceUsager> entrees;
    private final List<SuiviDossiersUsager> suivis;
    private final fr.gouv.guichet.compte.EnvoisUsager envois;

    EspaceUsagerController(UsagerCourant usagerCourant, ServiceCompte comptes, Departements departements,
                           List<EntreeEspaceUsager> entrees, List<SuiviDossiersUsager> suivis,
                           fr.gouv.guichet.compte.EnvoisUsager envois) {
        this.envois = envois;
        this.suivis = suivis;
        this.usagerCourant = usagerCourant;
        this.comptes = comptes;
        this.departements = departements;
        this.entrees = entrees.stream().sorted(Comparator.comparingInt(EntreeEspaceUsager::ordre)).toList();
    }

    static final int A_REPRENDRE = 5;

    @GetMapping("/usager")
    String espace(Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        if (profil.codeDepartement() == null) {
            return "redirect:/usager/prefecture";
        }
        model.addAttribute("departement", departements.parCode(profil.codeDepartement()).orElseThrow());
        model.addAttribute("entrees", entrees);
        model.addAttribute("sansDestinataire", envois.destination(profil.id()) instanceof fr.gouv.guichet.compte.EnvoisUsager.Destination.Aucune);
        model.addAttribute("aReprendre", suivis.stream().flatMap(s -> s.aReprendre(profil.id(), A_REPRENDRE).stream()).toList());
        return "compte/espace";
    }

    @GetMapping("/usager/prefecture")
    String choix(Model model) {
        model.addAttribute("departements", departements.tous());
        model.addAttribute("choisi", usagerCourant.exiger().codeDepartement());
        return "compte/prefecture";
    }

    @PostMapping("/usager/prefecture")
    String choisir(@RequestParam(name = "departement", defaultValue = "") String code, Model model,
                   RedirectAttributes redirection, HttpServletRequest request, HttpServletResponse response) {
        ProfilUsager profil = usagerCourant.exiger();
        return departements.parCode(code).map(d -> {
            comptes.choisirDepartement(profil.id(), d.code(), request.getSession().getId());
            ProfilEnSession.departementChoisi(d.code(), request, response);
            redirection.addFlashAttribute("messageSucces", "Préfecture choisie : " + d.libellePrefecture()
                    + ", pour " + d.libelle() + ". Vous pourrez en changer à tout moment.");
            return "redirect:/usager";
        }).orElseGet(() -> {
            model.addAttribute("departements", departements.tous());
            model.addAttribute("choisi", profil.codeDepartement());
            model.addAttribute("erreur", "Choisissez dans la liste le département où le système sera installé.");
            return "compte/prefecture";
        });
    }
}
