package fr.gouv.guichet.demarche.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.ResultatEnregistrement;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.Contraintes;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Page;
import fr.gouv.guichet.formulaire.Reponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CERFA on its screens. Each POST saves the draft (optimistic locking: a save made meanwhile in another tab
 * is reported, never overwritten silently), then moves as the button asked: previous, next (after checking the
 * screen), keep for later, validate (after checking everything), or quit (after confirmation, without saving).
 */
@Controller
class FormulaireDossierController {

    /** « retirer-{group}-{index} »: the button removing one entry of a repeated group. */
    private static final java.util.regex.Pattern RETRAIT = java.util.regex.Pattern.compile("retirer-([A-Za-z0-9_]{1,80})-(\\d{1,4})");

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final MoteurValidation moteur;
    private final UsagerCourant usagerCourant;
    private final Clock horloge;

    FormulaireDossierController(Dossiers dossiers, Procedures procedures, CatalogueFormulaires catalogue, MoteurValidation moteur,
                                UsagerCourant usagerCourant, Clock horloge) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.moteur = moteur;
        this.usagerCourant = usagerCourant;
        this.horloge = horloge;
    }

    @GetMapping("/usager/dossiers/{id}/pages/{numero}")
    String afficher(@PathVariable long id, @PathVariable int numero, Model model) {
        Dossier dossier = brouillon(id);
        if (!dossier.estBrouillon()) {
            return "redirect:/usager/dossiers/" + id;
        }
        DefinitionFormulaire definition = definition(dossier);
        if (numero < 1 || numero > definition.pages().size()) {
            throw new DossierIntrouvable();
        }
        return vue(model, dossier, definition, numero, new Reponses(dossier.reponses()), List.of(), dossier.version());
    }

    @PostMapping("/usager/dossiers/{id}/pages/{numero}")
    String enregistrer(@PathVariable long id, @PathVariable int numero, @RequestParam(defaultValue = "suivante") String action,
                       @RequestParam(defaultValue = "-1") int version, HttpServletRequest requete, Model model,
                       RedirectAttributes redirection) {
        Dossier dossier = brouillon(id);
        if (!dossier.estBrouillon()) {
            redirection.addFlashAttribute("messageInfo", "Ce dossier a déjà été transmis au service qui l’instruit : il ne peut plus être modifié.");
            return "redirect:/usager/dossiers/" + id;
        }
        DefinitionFormulaire definition = definition(dossier);
        if (numero < 1 || numero > definition.pages().size()) {
            throw new DossierIntrouvable();
        }
        Page page = definition.pages().get(numero - 1);
        Reponses existantes = new Reponses(dossier.reponses());
        Reponses saisies = existantes.fusionner(Reponses.depuisFormulaire(definition, page, requete.getParameterMap(), existantes))
                .nettoyer(definition);

        if (action.equals("quitter")) {
            model.addAttribute("dossier", dossier);
            model.addAttribute("numero", numero);
            model.addAttribute("parametres", parametresAConserver(requete));
            return "demarche/quitter";
        }
        if (action.equals("revenir")) {
            return vue(model, dossier, definition, numero, saisies, List.of(), version);
        }
        java.util.regex.Matcher retrait = RETRAIT.matcher(action);
        if (retrait.matches()) {
            // A malformed action (retirer-x, retirer--1, a huge number) removes nothing: the page is simply saved.
            saisies = saisies.sansOccurrence(retrait.group(1), Integer.parseInt(retrait.group(2)));
        }
        if (saisies.depasseLongueurAbsolue()) {
            // Never saved: the page comes back with what was typed and the message next to the field.
            ContexteValidation contexte = new ContexteValidation(dossier.codeDepartement(), LocalDate.now(horloge));
            return vue(model, dossier, definition, numero, saisies, moteur.validerPage(definition, page.id(), saisies, contexte), version);
        }

        ResultatEnregistrement resultat = dossiers.enregistrer(id, usager(), version, saisies.valeurs());
        if (resultat.statut() == ResultatEnregistrement.Statut.VERROUILLE) {
            redirection.addFlashAttribute("messageInfo", "Ce dossier a déjà été transmis au service qui l’instruit : il ne peut plus être modifié.");
            return "redirect:/usager/dossiers/" + id;
        }
        if (resultat.statut() == ResultatEnregistrement.Statut.CONFLIT) {
            model.addAttribute("conflit", true);
            return vue(model, dossier, definition, numero, saisies, List.of(), resultat.version());
        }
        int nouvelleVersion = resultat.version();
        ContexteValidation contexte = new ContexteValidation(dossier.codeDepartement(), LocalDate.now(horloge));
        return switch (action) {
            case "precedente" -> "redirect:/usager/dossiers/" + id + "/pages/" + Math.max(1, numero - 1);
            case "conserver" -> {
                redirection.addFlashAttribute("messageSucces", "Votre brouillon est enregistré. Vous pourrez le reprendre à tout "
                        + "moment depuis « Mes dossiers », sur n’importe quel appareil. Il n’est pas encore transmis au service qui instruira votre demande.");
                yield "redirect:/usager/dossiers";
            }
            case "valider" -> {
                List<ErreurChamp> erreurs = moteur.validerTout(definition, saisies, contexte);
                if (erreurs.isEmpty()) {
                    yield "redirect:/usager/dossiers/" + id + "/validation";
                }
                model.addAttribute("erreursAutresPages", erreursAutresPages(definition, numero, erreurs));
                yield vue(model, dossier, definition, numero, saisies, erreurs, nouvelleVersion);
            }
            case "suivante" -> {
                List<ErreurChamp> erreurs = moteur.validerPage(definition, page.id(), saisies, contexte);
                if (erreurs.isEmpty() && numero < definition.pages().size()) {
                    yield "redirect:/usager/dossiers/" + id + "/pages/" + (numero + 1);
                }
                yield vue(model, dossier, definition, numero, saisies, erreurs, nouvelleVersion);
            }
            default -> vue(model, dossier, definition, numero, saisies, List.of(), nouvelleVersion);
        };
    }

    /** Autosave while typing (JavaScript only): saves the screen without checking it, reports conflicts. */
    @PostMapping("/usager/dossiers/{id}/pages/{numero}/auto")
    @ResponseBody
    ResponseEntity<Map<String, Object>> sauvegardeAutomatique(@PathVariable long id, @PathVariable int numero,
                                                              @RequestParam(defaultValue = "-1") int version,
                                                              HttpServletRequest requete) {
        Dossier dossier = brouillon(id);
        DefinitionFormulaire definition = definition(dossier);
        if (!dossier.estBrouillon() || numero < 1 || numero > definition.pages().size()) {
            return ResponseEntity.status(409).body(Map.of("statut", "VERROUILLE"));
        }
        Page page = definition.pages().get(numero - 1);
        Reponses existantes = new Reponses(dossier.reponses());
        Reponses saisies = existantes.fusionner(Reponses.depuisFormulaire(definition, page, requete.getParameterMap(), existantes))
                .nettoyer(definition);
        if (saisies.depasseLongueurAbsolue()) {
            return ResponseEntity.badRequest().body(Map.of("statut", "TROP_LONG", "message",
                    "Un champ dépasse " + Contraintes.LONGUEUR_ABSOLUE + " caractères : raccourcissez le texte ; "
                            + "il n’est pas enregistré tant qu’il est trop long."));
        }
        ResultatEnregistrement resultat = dossiers.enregistrer(id, usager(), version, saisies.valeurs());
        Map<String, Object> corps = Map.of("statut", resultat.statut().name(), "version", resultat.version());
        return resultat.enregistre() ? ResponseEntity.ok(corps) : ResponseEntity.status(409).body(corps);
    }

    String vue(Model model, Dossier dossier, DefinitionFormulaire definition, int numero, Reponses reponses,
                       List<ErreurChamp> erreurs, int version) {
        Page page = definition.pages().get(numero - 1);
        model.addAttribute("dossier", dossier);
        model.addAttribute("procedure", procedures.get(dossier.demarche()));
        model.addAttribute("definition", definition);
        model.addAttribute("page", page);
        model.addAttribute("numero", numero);
        model.addAttribute("total", definition.pages().size());
        model.addAttribute("titreSuivant", numero < definition.pages().size() ? definition.pages().get(numero).titre() : null);
        model.addAttribute("reponses", reponses);
        List<ErreurChamp> erreursPage = erreurs.stream().filter(e -> page.contient(racine(e.champId()))).toList();
        model.addAttribute("erreursPage", erreursPage);
        model.addAttribute("erreurs", MoteurValidation.parChamp(erreursPage));
        model.addAttribute("enErreur", !erreursPage.isEmpty() || model.getAttribute("erreursAutresPages") instanceof List<?> autres && !autres.isEmpty());
        model.addAttribute("version", version);
        model.addAttribute("scriptsPage", List.of("/js/formulaire.js", "/js/sauvegarde.js"));
        return "demarche/page-formulaire";
    }

    record ErreurAutrePage(int numeroPage, String titrePage, String message) {
    }

    private static List<ErreurAutrePage> erreursAutresPages(DefinitionFormulaire definition, int numero, List<ErreurChamp> erreurs) {
        return erreurs.stream()
                .map(e -> definition.pageDuChamp(racine(e.champId())).map(p -> new ErreurAutrePage(
                        definition.indexDePage(p.id()) + 1, p.titre(), e.message())).orElse(null))
                .filter(e -> e != null && e.numeroPage() != numero)
                .toList();
    }

    private static String racine(String champId) {
        int crochet = champId.indexOf('[');
        return crochet < 0 ? champId : champId.substring(0, crochet);
    }

    private static Map<String, List<String>> parametresAConserver(HttpServletRequest requete) {
        Map<String, List<String>> parametres = new LinkedHashMap<>();
        requete.getParameterMap().forEach((nom, valeurs) -> {
            if (!nom.equals("_csrf") && !nom.equals("action")) {
                parametres.put(nom, List.of(valeurs));
            }
        });
        return parametres;
    }

    private Dossier brouillon(long id) {
        return dossiers.deLUsager(id, usager()).orElseThrow(DossierIntrouvable::new);
    }

    private DefinitionFormulaire definition(Dossier dossier) {
        return catalogue.get(dossier.formulaireId(), dossier.formulaireVersion());
    }

    private long usager() {
        return usagerCourant.exiger().id();
    }
}
