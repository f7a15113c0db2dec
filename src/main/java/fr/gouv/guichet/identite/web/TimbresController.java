package fr.gouv.guichet.identite.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.PiecesAApporter;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.TimbresIdentite;
import fr.gouv.guichet.identite.internal.TimbresPreDemande;
import fr.gouv.guichet.timbre.UtilisationTimbre;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timbres page of a pré-demande draft (its owner only, 404 for anyone else): the timbre(s) due and their amounts,
 * typed now (reserved at once) or brought to the town hall.
 */
@Controller
class TimbresController {

    private final UsagerCourant usagerCourant;
    private final Dossiers dossiers;
    private final TimbresPreDemande timbres;

    TimbresController(UsagerCourant usagerCourant, Dossiers dossiers, TimbresPreDemande timbres) {
        this.usagerCourant = usagerCourant;
        this.dossiers = dossiers;
        this.timbres = timbres;
    }

    @GetMapping("/usager/identite/dossiers/{id}/timbres")
    String page(@PathVariable long id, Model model) {
        Dossier brouillon = brouillon(id);
        Map<String, String> saisies = new LinkedHashMap<>();
        timbres.dus(brouillon).forEach(du -> saisies.put(du.motif(),
                timbres.tenu(id, du).map(UtilisationTimbre::numero).map(n -> n.pourAffichage()).orElse("")));
        return vue(model, brouillon, saisies, Map.of());
    }

    @PostMapping("/usager/identite/dossiers/{id}/timbres")
    String enregistrer(@PathVariable long id, @RequestParam(defaultValue = "") String mode, @RequestParam Map<String, String> parametres,
                       Model model, RedirectAttributes redirection) {
        Dossier brouillon = brouillon(id);
        if ("en-mairie".equals(mode)) {
            timbres.apporterEnMairie(brouillon);
            redirection.addFlashAttribute("messageSucces", "C’est noté : apportez le timbre fiscal à la mairie le jour du rendez-vous.");
            return "redirect:/usager/dossiers/" + id + "/validation";
        }
        Map<String, String> saisies = new LinkedHashMap<>();
        for (TimbresIdentite.TimbreDu du : timbres.dus(brouillon)) {
            String saisie = parametres.getOrDefault("timbre_" + du.motif(), "");
            saisies.put(du.motif(), saisie.length() > 40 ? saisie.substring(0, 40) : saisie);
        }
        Map<String, String> erreurs = timbres.saisirEnLigne(brouillon, saisies);
        if (!erreurs.isEmpty()) {
            return vue(model, brouillon, saisies, erreurs);
        }
        redirection.addFlashAttribute("messageSucces", "Timbre fiscal réservé pour cette pré-demande : il sera utilisé "
                + "une seule fois, quand la mairie enregistrera votre demande.");
        return "redirect:/usager/dossiers/" + id + "/validation";
    }

    private String vue(Model model, Dossier brouillon, Map<String, String> saisies, Map<String, String> erreurs) {
        List<TimbresIdentite.TimbreDu> dus = timbres.dus(brouillon);
        model.addAttribute("dossier", brouillon);
        model.addAttribute("dus", dus);
        model.addAttribute("montants", dus.stream().map(d -> PiecesAApporter.euros(d.montant())).toList());
        model.addAttribute("saisies", saisies);
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("enErreur", !erreurs.isEmpty());
        model.addAttribute("total", PiecesAApporter.euros(PiecesAApporter.total(dus)));
        return "identite/timbres";
    }

    private Dossier brouillon(long id) {
        long usager = usagerCourant.exiger().id();
        return dossiers.deLUsager(id, usager).filter(Dossier::estBrouillon)
                .filter(d -> PreDemande.DEMARCHE.equals(d.demarche())).orElseThrow(Introuvable::new);
    }
}
