package fr.gouv.guichet.tiers.web;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.QuotasDossiers;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.referentiel.Competences;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a request for habilitation: the département of the premises chooses the préfecture (competence table), then
 * the generic pages of {@code demarche} (form, recap, deposit, accusé de réception, documents) take over.
 */
@Controller
class HabilitationController {

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final Departements departements;
    private final Competences competences;
    private final QuotasDossiers quotas;
    private final UsagerCourant usagerCourant;
    private final Clock horloge;

    HabilitationController(Dossiers dossiers, Procedures procedures, CatalogueFormulaires catalogue, Departements departements,
                           Competences competences, QuotasDossiers quotas, UsagerCourant usagerCourant, Clock horloge) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.departements = departements;
        this.competences = competences;
        this.quotas = quotas;
        this.usagerCourant = usagerCourant;
        this.horloge = horloge;
    }

    @GetMapping("/usager/tiers/habilitation")
    String page(Model model) {
        return vue(model, usagerCourant.exiger().codeDepartement(), null);
    }

    @PostMapping("/usager/tiers/habilitation")
    String commencer(@RequestParam(name = "departement", defaultValue = "") String departement, Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        if (departements.parCode(departement).isEmpty()) {
            return vue(model, null, "Choisissez le département de vos locaux.");
        }
        Optional<String> refus = competences.indisponibilite(CycleHabilitation.FAMILLE, departement, LocalDate.now(horloge))
                .or(() -> quotas.refusBrouillon(profil.id()));
        if (refus.isPresent()) {
            return vue(model, departement, refus.get());
        }
        Procedure procedure = procedures.get(CycleHabilitation.PROCEDURE);
        var definition = catalogue.derniereVersion(procedure.formulaireId());
        long id = dossiers.creerBrouillon(profil.id(), departement, procedure.code(), definition.id(), definition.version(),
                Map.of(), null, null);
        return "redirect:/usager/dossiers/" + id + "/pages/1";
    }

    private String vue(Model model, @org.jspecify.annotations.Nullable String choisi, @org.jspecify.annotations.Nullable String erreur) {
        model.addAttribute("departements", departements.tous());
        model.addAttribute("choisi", choisi);
        model.addAttribute("erreur", erreur);
        model.addAttribute("enErreur", erreur != null);
        model.addAttribute("pieces", java.util.List.of("Extrait K-bis de moins de 3 mois", "Pièce d’identité du gérant",
                "Bulletin n° 2 du casier judiciaire du gérant", "Pour une auto-école : l’arrêté préfectoral d’agrément"));
        return "tiers/habilitation";
    }
}
