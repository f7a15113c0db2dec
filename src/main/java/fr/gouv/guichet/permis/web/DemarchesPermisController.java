package fr.gouv.guichet.permis.web;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.QuotasDossiers;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.FormulairesPermis;
import fr.gouv.guichet.permis.PiecesPermis;
import fr.gouv.guichet.permis.TimbrePermis;
import fr.gouv.guichet.referentiel.Competences;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Choosing a licence procedure, then "what you will need" before starting (issue 12, point 5), then a new draft on
 * the generic form pages, for the service the competence table names for the usager's département.
 */
@Controller
class DemarchesPermisController {

    private final UsagerCourant usagerCourant;
    private final Departements departements;
    private final Competences competences;
    private final ServicesInstructeurs services;
    private final Dossiers dossiers;
    private final FormulairesPermis formulaires;
    private final TimbrePermis timbre;
    private final QuotasDossiers quotas;
    private final Clock horloge;

    DemarchesPermisController(UsagerCourant usagerCourant, Departements departements, Competences competences,
                              ServicesInstructeurs services, Dossiers dossiers, FormulairesPermis formulaires,
                              TimbrePermis timbre, QuotasDossiers quotas, Clock horloge) {
        this.usagerCourant = usagerCourant;
        this.departements = departements;
        this.competences = competences;
        this.services = services;
        this.dossiers = dossiers;
        this.formulaires = formulaires;
        this.timbre = timbre;
        this.quotas = quotas;
        this.horloge = horloge;
    }

    @GetMapping("/usager/permis")
    String choix(Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        if (profil.codeDepartement() == null) {
            return "redirect:/usager/prefecture";
        }
        model.addAttribute("departement", departements.parCode(profil.codeDepartement()).orElseThrow());
        model.addAttribute("demarches", DemarchePermis.values());
        return "permis/choix";
    }

    /** "What you will need" (no identifier in the address: it only ever starts the signed-in usager's own draft). */
    @GetMapping("/usager/permis/demarche")
    String preparation(@RequestParam(name = "d", defaultValue = "") String chemin, Model model) {
        return vuePreparation(model, demarche(chemin), null);
    }

    @PostMapping("/usager/permis/demarche")
    String commencer(@RequestParam(name = "d", defaultValue = "") String chemin, Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        DemarchePermis demarche = demarche(chemin);
        if (profil.codeDepartement() == null) {
            return "redirect:/usager/prefecture";
        }
        Optional<String> refus = quotas.refusBrouillon(profil.id()).or(() -> indisponibilite(demarche, profil.codeDepartement()));
        if (refus.isPresent()) {
            return vuePreparation(model, demarche, refus.get());
        }
        DefinitionFormulaire definition = formulaires.derniereVersion(demarche);
        long id = dossiers.creerBrouillon(profil.id(), profil.codeDepartement(), demarche.code(), definition.id(),
                definition.version(), Map.of(), null, null);
        return "redirect:/usager/dossiers/" + id + "/pages/1";
    }

    private String vuePreparation(Model model, DemarchePermis demarche, @org.jspecify.annotations.Nullable String erreur) {
        ProfilUsager profil = usagerCourant.exiger();
        if (profil.codeDepartement() == null) {
            return "redirect:/usager/prefecture";
        }
        LocalDate aujourdhui = LocalDate.now(horloge);
        model.addAttribute("demarche", demarche);
        model.addAttribute("departement", departements.parCode(profil.codeDepartement()).orElseThrow());
        model.addAttribute("service", competences.serviceCompetent(demarche.famille(), profil.codeDepartement(), aujourdhui)
                .flatMap(services::parCode).orElse(null));
        model.addAttribute("pieces", PiecesPermis.pour(demarche, Reponses.vide()));
        model.addAttribute("timbre", timbre.exige(demarche) ? TimbrePermis.euros(timbre.montant(demarche)) : null);
        model.addAttribute("indisponible", indisponibilite(demarche, profil.codeDepartement()).orElse(null));
        model.addAttribute("erreur", erreur);
        return "permis/preparation";
    }

    private Optional<String> indisponibilite(DemarchePermis demarche, String departement) {
        return competences.indisponibilite(demarche.famille(), departement, LocalDate.now(horloge));
    }

    private static DemarchePermis demarche(String chemin) {
        return DemarchePermis.depuisChemin(chemin).orElseThrow(DossierIntrouvable::new);
    }
}
