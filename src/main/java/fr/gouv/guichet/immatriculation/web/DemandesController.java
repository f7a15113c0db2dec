package fr.gouv.guichet.immatriculation.web;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.immatriculation.CodeCession;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.externe.ServiceIndisponible;
import fr.gouv.guichet.immatriculation.internal.ChangementsTitulaire;
import fr.gouv.guichet.immatriculation.internal.DemandesUsager;
import fr.gouv.guichet.immatriculation.internal.DocumentsImmatriculation;
import fr.gouv.guichet.immatriculation.internal.Paiements;
import fr.gouv.guichet.immatriculation.internal.PiecesDemande;
import fr.gouv.guichet.piece.InspecteurFichier;
import fr.gouv.guichet.immatriculation.internal.SuiviProduction;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The buyer's entry with the code de cession, then a request's page: holder and address (saved at each step), taxes,
 * payment with the provider and its return, follow-up to the card's shipping, provisional certificate. The usager's own
 * requests only.
 */
@Controller
class DemandesController {

    private final UsagerCourant usager;
    private final ChangementsTitulaire changements;
    private final DemandesUsager demandes;
    private final Paiements paiements;
    private final DocumentsImmatriculation documents;
    private final SuiviProduction suivi;
    private final InstructionDossiers dossiers;
    private final PiecesDemande pieces;
    private final long tailleMaxMo;

    DemandesController(UsagerCourant usager, ChangementsTitulaire changements, DemandesUsager demandes, Paiements paiements,
                       DocumentsImmatriculation documents, SuiviProduction suivi, InstructionDossiers dossiers, PiecesDemande pieces,
                       InspecteurFichier inspecteur) {
        this.pieces = pieces;
        this.tailleMaxMo = inspecteur.tailleMax() / (1024 * 1024);
        this.usager = usager;
        this.changements = changements;
        this.demandes = demandes;
        this.paiements = paiements;
        this.documents = documents;
        this.suivi = suivi;
        this.dossiers = dossiers;
    }

    @GetMapping("/usager/vehicules/achat")
    String achat(Model model) {
        model.addAttribute("longueurCode", CodeCession.LONGUEUR);
        return "immatriculation/achat";
    }

    @PostMapping("/usager/vehicules/achat")
    String acheter(@RequestParam(defaultValue = "") String immatriculation, @RequestParam(defaultValue = "") String code, Model model) {
        ProfilUsager moi = usager.exiger();
        ChangementsTitulaire.Resultat r = changements.utiliserCode(moi.id(), moi.codeDepartement(), immatriculation, code);
        if (r.dossierId() != null) {
            return "redirect:/usager/vehicules/demandes/" + r.dossierId();
        }
        model.addAttribute("longueurCode", CodeCession.LONGUEUR);
        model.addAttribute("valeurs", Map.of("immatriculation", immatriculation.length() > 20 ? "" : immatriculation));
        model.addAttribute("erreurs", Map.of("code", r.erreur()));
        return "immatriculation/achat";
    }

    @GetMapping("/usager/vehicules/demandes/{id}")
    String demande(@PathVariable long id, Model model) {
        long moi = usager.exiger().id();
        suivi.actualiser(demandes.vue(id, moi).dossier().id());
        DemandesUsager.Vue vue = demandes.vue(id, moi);
        model.addAttribute("vue", vue);
        model.addAttribute("paiements", paiements.duDossier(id));
        model.addAttribute("transitions", dossiers.transitions(id));
        model.addAttribute("piecesAttendues", PiecesDemande.attendues(vue.demande().operation(), vue.reponses()));
        model.addAttribute("piecesJointes", pieces.duDossier(id));
        model.addAttribute("tailleMaxMo", tailleMaxMo);
        if (!model.containsAttribute("valeurs")) {
            model.addAttribute("valeurs", vue.reponses());
        }
        return "immatriculation/demande";
    }

    @PostMapping("/usager/vehicules/demandes/{id}")
    String enregistrer(@PathVariable long id, @RequestParam Map<String, String> saisie, Model model) {
        long moi = usager.exiger().id();
        int version = VehiculesController.entier(saisie.get("version")) == null ? -1 : VehiculesController.entier(saisie.get("version"));
        try {
            demandes.enregistrer(id, moi, version, saisie);
            DemandesUsager.Vue vue = demandes.vue(id, moi);
            if ("payer".equals(saisie.get("action"))) {
                if (vue.gratuite()) {
                    paiements.deposerSansPaiement(id, moi);
                    return "redirect:/usager/vehicules/demandes/" + id;
                }
                return "redirect:/usager/vehicules/paiements/" + paiements.commencer(id, moi);
            }
            return "redirect:/usager/vehicules/demandes/" + id + "#paiement";
        } catch (ErreursSaisie e) {
            model.addAttribute("valeurs", saisie);
            model.addAttribute("erreurs", e.parChamp());
            return demande(id, model);
        } catch (ServiceIndisponible e) {
            model.addAttribute("valeurs", saisie);
            model.addAttribute("erreurs", Map.of("paiement", "Le service de paiement ne répond pas pour le moment : votre demande est "
                    + "enregistrée, réessayez dans quelques minutes."));
            return demande(id, model);
        }
    }

    /**
     * The step before leaving Guichet for the provider: a link (not a redirect of the form, which the site's
     * Content-Security-Policy {@code form-action 'self'} rightly blocks), with the amount and the reference.
     */
    @GetMapping("/usager/vehicules/paiements/{reference}")
    String paiement(@PathVariable String reference, Model model) {
        if (!reference.matches("[A-Za-z0-9-]{1,64}")) {
            throw new fr.gouv.guichet.immatriculation.VehiculeIntrouvable();
        }
        Paiements.Paiement p = paiements.deLUsager(reference, usager.exiger().id());
        if (p.statut() != Paiements.EtatPaiement.EN_ATTENTE || p.urlPaiement() == null) {
            return "redirect:/usager/vehicules/demandes/" + p.dossierId();
        }
        model.addAttribute("paiement", p);
        return "immatriculation/paiement";
    }

    @GetMapping("/usager/vehicules/paiements/{reference}/retour")
    String retour(@PathVariable String reference, RedirectAttributes redirection) {
        if (!reference.matches("[A-Za-z0-9-]{1,64}")) {
            throw new fr.gouv.guichet.immatriculation.VehiculeIntrouvable();
        }
        Paiements.Paiement p;
        try {
            p = paiements.retour(reference, usager.exiger().id());
        } catch (ServiceIndisponible e) {
            p = paiements.deLUsager(reference, usager.exiger().id());
        }
        redirection.addFlashAttribute(p.statut() == Paiements.EtatPaiement.PAYE ? "messageSucces" : "messageInfo", switch (p.statut()) {
            case PAYE -> "Paiement de " + p.montant() + " reçu (référence " + p.reference() + ") : votre demande est transmise.";
            case REMBOURSE -> "Votre demande était déjà payée : ce second paiement de " + p.montant() + " (référence " + p.reference()
                    + ") vous a été remboursé en entier. Vous n’avez rien à faire ; le remboursement figure ci-dessous.";
            case A_REMBOURSER -> "Votre demande était déjà payée : ce second paiement de " + p.montant() + " (référence " + p.reference()
                    + ") vous sera remboursé en entier ; le remboursement est demandé au prestataire de paiement. Vous n’avez rien à faire.";
            case REFUSE -> "Le paiement a été refusé par votre banque : rien n’a été prélevé. Vous pouvez payer à nouveau.";
            case ABANDONNE -> "Le paiement a été abandonné : rien n’a été prélevé. Votre demande est conservée ; payez-la quand vous voulez.";
            case EN_ATTENTE -> "Le prestataire n’a pas encore confirmé le paiement : cette page se mettra à jour dès sa confirmation.";
        });
        return "redirect:/usager/vehicules/demandes/" + p.dossierId();
    }

    @GetMapping("/usager/vehicules/demandes/{id}/certificat-provisoire.pdf")
    ResponseEntity<byte[]> provisoire(@PathVariable long id) {
        return VehiculesController.pdf(documents.provisoire(id, usager.exiger().id()), "certificat-provisoire-immatriculation.pdf");
    }
}
