package fr.gouv.guichet.demarche.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.DelaisDossier;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierEtService;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.PageResumes;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.ResumeDossier;
import fr.gouv.guichet.demarche.Recapitulatif;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.referentiel.Departements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** "Mes dossiers": drafts to resume or delete, deposited dossiers with their state, timeline, messages, documents. */
@Controller
class MesDossiersController {

    static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));
    static final int LONGUEUR_MAX_MESSAGE = 5000;

    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final Departements departements;
    private final UsagerCourant usagerCourant;
    private final DelaisDossier delais;
    private final fr.gouv.guichet.piece.AnalysesAntivirus analyses;
    private final List<fr.gouv.guichet.demarche.InformationsDossier> informations;

    MesDossiersController(Dossiers dossiers, InstructionDossiers instruction, Procedures procedures,
                          CatalogueFormulaires catalogue, Departements departements, UsagerCourant usagerCourant,
                          DelaisDossier delais, fr.gouv.guichet.piece.AnalysesAntivirus analyses,
                          List<fr.gouv.guichet.demarche.InformationsDossier> informations) {
        this.informations = informations;
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.departements = departements;
        this.usagerCourant = usagerCourant;
        this.delais = delais;
        this.analyses = analyses;
    }

    static final int PAR_PAGE = 20;

    /**
     * @param instruitPar a deposited dossier's service instructeur; a draft's département (its service is fixed at the
     *                    deposit)
     */
    public record LigneDossier(ResumeDossier dossier, String demarche, String instruitPar, String modifie) {
    }

    /** Drafts (the 100 most recent) and deposited dossiers, 20 per page, newest change first. */
    @GetMapping("/usager/dossiers")
    String lister(@RequestParam(defaultValue = "1") int page, Model model) {
        return lister(usager(), page, model);
    }

    String lister(long usager, int page, Model model) {
        PageResumes deposes = dossiers.pageDeLUsager(usager, false, page, PAR_PAGE);
        model.addAttribute("brouillons", lignes(dossiers.brouillonsDeLUsager(usager, 100)));
        model.addAttribute("deposes", lignes(deposes.lignes()));
        model.addAttribute("page", deposes.page());
        model.addAttribute("pages", deposes.pages());
        model.addAttribute("totalDeposes", deposes.total());
        return "demarche/mes-dossiers";
    }

    List<LigneDossier> lignes(List<ResumeDossier> resumes) {
        return resumes.stream()
                .map(d -> new LigneDossier(d, procedures.get(d.demarche()).libelle(),
                        d.service() != null ? d.service() : departement(d.codeDepartement()), DATE_HEURE.format(d.modifieLe())))
                .toList();
    }

    private String departement(String code) {
        return departements.parCode(code).map(x -> x.libelle()).orElse(code);
    }

    @GetMapping("/usager/dossiers/{id}")
    String consulter(@PathVariable long id, Model model) {
        DossierEtService lu = dossierEtService(id);
        Dossier dossier = lu.dossier();
        if (dossier.estBrouillon()) {
            return "redirect:/usager/dossiers/" + id + "/pages/1";
        }
        DefinitionFormulaire definition = catalogue.get(dossier.formulaireId(), dossier.formulaireVersion());
        Reponses reponses = new Reponses(dossier.reponses());
        model.addAttribute("dossier", dossier);
        model.addAttribute("procedure", procedures.get(dossier.demarche()));
        model.addAttribute("departement", departement(dossier.codeDepartement()));
        model.addAttribute("service", service(lu));
        model.addAttribute("deposeLe", dossier.deposeLe() == null ? "" : DATE_HEURE.format(dossier.deposeLe()));
        model.addAttribute("horloge", delais.horloge(dossier));
        model.addAttribute("piecesAttendues", procedures.get(dossier.demarche()).pieces().pour(definition, reponses));
        var pieces = instruction.pieces(id);
        model.addAttribute("pieces", pieces);
        model.addAttribute("analyses", analyses.etats(pieces.stream().map(fr.gouv.guichet.demarche.Historique.PieceJointe::cleStockage).toList()));
        model.addAttribute("messages", instruction.messages(id));
        var transitions = instruction.transitions(id);
        model.addAttribute("transitions", transitions);
        model.addAttribute("demandePieces", dossier.etat().attendDesPieces()
                ? instruction.derniereDemandePieces(id).map(d -> d.pieces()).or(() -> transitions.stream()
                        .filter(t -> t.vers().attendDesPieces())
                        .reduce((a, b) -> b).map(t -> t.motif())).orElse(null) : null);
        model.addAttribute("blocs", Recapitulatif.de(definition, reponses));
        model.addAttribute("format", DATE_HEURE);
        model.addAttribute("encarts", informations.stream().map(i -> i.pour(dossier)).flatMap(java.util.Optional::stream).toList());
        return "demarche/dossier";
    }

    @PostMapping("/usager/dossiers/{id}/supprimer")
    String supprimer(@PathVariable long id, RedirectAttributes redirection) {
        Dossier dossier = dossier(id);
        if (dossiers.supprimerBrouillon(dossier.id(), usager())) {
            redirection.addFlashAttribute("messageSucces", "Le brouillon a été supprimé.");
        } else {
            redirection.addFlashAttribute("messageInfo", "Ce dossier a été transmis au service qui l’instruit : il ne peut pas être supprimé.");
        }
        return "redirect:/usager/dossiers";
    }

    @PostMapping("/usager/dossiers/{id}/messages")
    String ecrire(@PathVariable long id, @RequestParam(name = "message", defaultValue = "") String message,
                  RedirectAttributes redirection) {
        DossierEtService lu = dossierEtService(id);
        String texte = message.strip();
        if (texte.isEmpty()) {
            redirection.addFlashAttribute("erreurMessage", "Écrivez votre message avant de l’envoyer.");
        } else if (texte.length() > LONGUEUR_MAX_MESSAGE) {
            redirection.addFlashAttribute("erreurMessage", "Votre message dépasse " + LONGUEUR_MAX_MESSAGE
                    + " caractères (il en compte " + texte.length() + ") : raccourcissez-le ou envoyez-le en plusieurs fois.");
            redirection.addFlashAttribute("messageSaisi", texte);
        } else {
            try {
                dossiers.envoyerMessage(lu.dossier().id(), usager(), texte);
                redirection.addFlashAttribute("messageSucces", "Votre message a été envoyé au service qui instruit votre dossier : "
                        + service(lu) + ".");
            } catch (TransitionImpossible e) {
                redirection.addFlashAttribute("erreurMessage", "Une décision a été rendue sur ce dossier : il n’accepte plus de message.");
            }
        }
        return "redirect:/usager/dossiers/" + id + "#messages";
    }

    @PostMapping("/usager/dossiers/{id}/pieces-transmises")
    String piecesTransmises(@PathVariable long id, RedirectAttributes redirection) {
        Dossier dossier = dossier(id);
        try {
            dossiers.signalerPiecesTransmises(dossier.id(), usager());
            redirection.addFlashAttribute("messageSucces", "Le service qui instruit votre dossier est informé que vous avez transmis les pièces demandées : "
                    + "votre dossier reprend son instruction.");
        } catch (TransitionImpossible e) {
            redirection.addFlashAttribute("messageInfo", "Aucune pièce n’est demandée actuellement pour ce dossier.");
        }
        return "redirect:/usager/dossiers/" + id;
    }

    private DossierEtService dossierEtService(long id) {
        return dossiers.deLUsagerAvecService(id, usager()).orElseThrow(DossierIntrouvable::new);
    }

    /** The name of the service instructeur fixed at the deposit (every deposited dossier has one). */
    private static String service(DossierEtService lu) {
        return lu.service() != null ? lu.service() : "le service instructeur";
    }

    private Dossier dossier(long id) {
        return dossiers.deLUsager(id, usager()).orElseThrow(DossierIntrouvable::new);
    }

    private long usager() {
        return usagerCourant.exiger().id();
    }
}
