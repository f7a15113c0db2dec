package fr.gouv.guichet.demarche.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.DepotConcurrent;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.EtapeAvantDepot;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.Recapitulatif;
import fr.gouv.guichet.demarche.AucunServiceCompetent;
import fr.gouv.guichet.demarche.ReponsesNonValides;
import fr.gouv.guichet.demarche.SuiteDepot;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Reponses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Before it is locked for good: a recap of every answer and an explicit confirmation (RGAA 11.12), then the
 * deposit — idempotent, so a double click or a retried request makes one dossier with one number.
 */
@Controller
class ValidationDossierController {

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final MoteurValidation moteur;
    private final UsagerCourant usagerCourant;
    private final Clock horloge;
    private final List<EtapeAvantDepot> etapes;
    private final List<SuiteDepot> suites;

    ValidationDossierController(Dossiers dossiers, Procedures procedures, CatalogueFormulaires catalogue,
                                MoteurValidation moteur, UsagerCourant usagerCourant, Clock horloge,
                                List<EtapeAvantDepot> etapes, List<SuiteDepot> suites) {
        this.etapes = etapes;
        this.suites = suites;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.moteur = moteur;
        this.usagerCourant = usagerCourant;
        this.horloge = horloge;
    }

    @GetMapping("/usager/dossiers/{id}/validation")
    String recapitulatif(@PathVariable long id, Model model) {
        Dossier dossier = dossier(id);
        if (!dossier.estBrouillon()) {
            return "redirect:/usager/dossiers/" + id;
        }
        DefinitionFormulaire definition = catalogue.get(dossier.formulaireId(), dossier.formulaireVersion());
        Reponses reponses = new Reponses(dossier.reponses());
        List<ErreurChamp> erreurs = moteur.validerTout(definition, reponses, contexte(dossier));
        if (!erreurs.isEmpty()) {
            int page = definition.pageDuChamp(racine(erreurs.getFirst().champId())).map(p -> definition.indexDePage(p.id()) + 1).orElse(1);
            return "redirect:/usager/dossiers/" + id + "/pages/" + page;
        }
        java.util.Optional<String> etape = etapeAFaire(dossier);
        if (etape.isPresent()) {
            return "redirect:" + etape.get();
        }
        return recapitulatif(model, dossier, procedures.get(dossier.demarche()), definition, reponses, UUID.randomUUID());
    }

    @PostMapping("/usager/dossiers/{id}/valider")
    String valider(@PathVariable long id, @RequestParam(name = "cle") UUID cle,
                   @RequestParam(name = "certification", required = false) String certification,
                   Model model, RedirectAttributes redirection) {
        Dossier dossier = dossier(id);
        if (!dossier.estBrouillon()) {
            return "redirect:/usager/dossiers/" + id;
        }
        DefinitionFormulaire definition = catalogue.get(dossier.formulaireId(), dossier.formulaireVersion());
        Reponses reponses = new Reponses(dossier.reponses());
        if (!moteur.validerTout(definition, reponses, contexte(dossier)).isEmpty()) {
            return "redirect:/usager/dossiers/" + id + "/validation";
        }
        if (certification == null) {
            model.addAttribute("erreurCertification",
                    "Cochez la case pour certifier l’exactitude des informations avant de valider votre demande.");
            return recapitulatif(model, dossier, procedures.get(dossier.demarche()), definition, reponses, cle);
        }
        java.util.Optional<String> etape = etapeAFaire(dossier);
        if (etape.isPresent()) {
            return "redirect:" + etape.get();
        }
        for (EtapeAvantDepot e : etapes) {
            java.util.Optional<EtapeAvantDepot.Renvoi> renvoi = e.avantDepot(dossier);
            if (renvoi.isPresent()) {
                redirection.addFlashAttribute("messageErreur", renvoi.get().message());
                return "redirect:" + renvoi.get().page();
            }
        }
        Procedure procedure = procedures.get(dossier.demarche());
        NumeroDossier numero;
        try {
            // Deposited only at the version read and validated above (ADR 0031): an autosave racing this request
            // either lands before (the deposit then fails, the recap shows the new answers) or finds the dossier locked.
            numero = dossiers.deposer(dossier, usagerCourant.exiger().id(), cle, procedure.prefixeNumero(),
                    lu -> moteur.validerTout(definition, new Reponses(lu.reponses()), contexte(lu)).isEmpty());
        } catch (DepotConcurrent e) {
            // A second click or a retry deposited it meanwhile: the same number, shown as this deposit's.
            Optional<String> depose = dossiers.deLUsager(id, usagerCourant.exiger().id()).map(Dossier::numero);
            if (depose.isEmpty()) {
                return "redirect:/usager/dossiers/" + id + "/validation";
            }
            numero = new NumeroDossier(depose.get());
        } catch (ReponsesNonValides e) {
            return "redirect:/usager/dossiers/" + id + "/validation";
        } catch (AucunServiceCompetent e) {
            redirection.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/usager/dossiers/" + id + "/validation";
        }
        for (SuiteDepot suite : suites) {
            if (suite.demarche().equals(dossier.demarche())) {
                redirection.addFlashAttribute("messageSucces", suite.message(numero));
                return "redirect:" + suite.page(id);
            }
        }
        redirection.addFlashAttribute("messageSucces", "Votre demande est transmise au service instructeur sous le numéro "
                + numero.valeur() + ". L’accusé de réception vous est envoyé par courriel ; vous pouvez aussi le télécharger ci-dessous.");
        return "redirect:/usager/dossiers/" + id;
    }

    /** The recap before validation, with the key that makes the deposit idempotent. */
    static String recapitulatif(Model model, Dossier dossier, Procedure procedure, DefinitionFormulaire definition,
                                Reponses reponses, UUID cle) {
        model.addAttribute("dossier", dossier);
        model.addAttribute("procedure", procedure);
        model.addAttribute("blocs", Recapitulatif.de(definition, reponses));
        model.addAttribute("cle", cle);
        return "demarche/validation";
    }

    /** The first page a procedure's step still asks this draft to go through (see {@link EtapeAvantDepot}). */
    private java.util.Optional<String> etapeAFaire(Dossier dossier) {
        return etapes.stream().map(e -> e.pageAFaire(dossier)).flatMap(java.util.Optional::stream).findFirst();
    }

    private ContexteValidation contexte(Dossier dossier) {
        return new ContexteValidation(dossier.codeDepartement(), LocalDate.now(horloge));
    }

    private Dossier dossier(long id) {
        return dossiers.deLUsager(id, usagerCourant.exiger().id()).orElseThrow(DossierIntrouvable::new);
    }

    private static String racine(String champId) {
        int crochet = champId.indexOf('[');
        return crochet < 0 ? champId : champId.substring(0, crochet);
    }
}
