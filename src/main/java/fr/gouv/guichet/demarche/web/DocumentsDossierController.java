package fr.gouv.guichet.demarche.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.DocumentsEmis;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Historique;
import fr.gouv.guichet.demarche.QuotaAtteint;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.internal.Recepisses;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.EtatAnalyse;
import fr.gouv.guichet.piece.FichierAccepte;
import fr.gouv.guichet.piece.FichierRefuse;
import fr.gouv.guichet.piece.InspecteurFichier;
import fr.gouv.guichet.piece.PhotoTelephone;
import fr.gouv.guichet.piece.TypeContenu;
import fr.gouv.guichet.piece.ResultatInspection;
import fr.gouv.guichet.piece.StockageFichiers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The documents of a usager's dossier: the récépissé, uploads (checked by content, stored, then recorded) and
 * downloads — always after checking the dossier is the usager's, always as an attachment.
 */
@Controller
class DocumentsDossierController {

    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final UsagerCourant usagerCourant;
    private final Recepisses recepisses;
    private final InspecteurFichier inspecteur;
    private final StockageFichiers stockage;
    private final DocumentsEmis documents;
    private final AnalysesAntivirus analyses;
    private final fr.gouv.guichet.demarche.QuotasDossiers quotas;

    DocumentsDossierController(Dossiers dossiers, InstructionDossiers instruction, UsagerCourant usagerCourant,
                               Recepisses recepisses, InspecteurFichier inspecteur, StockageFichiers stockage,
                               DocumentsEmis documents, AnalysesAntivirus analyses,
                               fr.gouv.guichet.demarche.QuotasDossiers quotas) {
        this.quotas = quotas;
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.usagerCourant = usagerCourant;
        this.recepisses = recepisses;
        this.inspecteur = inspecteur;
        this.stockage = stockage;
        this.documents = documents;
        this.analyses = analyses;
    }

    @GetMapping("/usager/dossiers/{id}/recepisse.pdf")
    ResponseEntity<byte[]> recepisse(@PathVariable long id) {
        Dossier dossier = dossier(id);
        if (dossier.estBrouillon()) {
            throw new DossierIntrouvable();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachement(Recepisses.nomFichier(dossier)))
                .contentType(MediaType.APPLICATION_PDF)
                .body(recepisses.pdf(dossier));
    }

    @PostMapping("/usager/dossiers/{id}/pieces")
    String joindre(@PathVariable long id, @RequestParam(name = "codePiece", defaultValue = "autre") String codePiece,
                   @RequestParam(name = "fichier", required = false) MultipartFile fichier, RedirectAttributes redirection)
            throws IOException {
        Dossier dossier = dossier(id);
        if (!dossier.etat().accepteDesComplements()) {
            redirection.addFlashAttribute("erreurPiece", "Une décision a été rendue sur ce dossier : il n’accepte plus de document.");
            return "redirect:/usager/dossiers/" + id + "#documents";
        }
        if (fichier == null || fichier.isEmpty() && (fichier.getOriginalFilename() == null || fichier.getOriginalFilename().isBlank())) {
            redirection.addFlashAttribute("erreurPiece", "Choisissez le fichier à joindre (PDF, JPEG ou PNG, 20 Mo au plus).");
            return "redirect:/usager/dossiers/" + id + "#documents";
        }
        java.util.Optional<String> quota = quotas.refusPiece(id, dossier.usagerId() == null ? -1 : dossier.usagerId(), fichier.getSize());
        if (quota.isPresent()) {
            redirection.addFlashAttribute("erreurPiece", quota.get());
            return "redirect:/usager/dossiers/" + id + "#documents";
        }
        byte[] contenu;
        try (InputStream in = fichier.getInputStream()) {
            contenu = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, inspecteur.tailleMax() + 1));
        }
        ResultatInspection resultat = inspecteur.inspecter(fichier.getOriginalFilename(), contenu);
        if (resultat instanceof FichierRefuse refus) {
            redirection.addFlashAttribute("erreurPiece", refus.message());
            return "redirect:/usager/dossiers/" + id + "#documents";
        }
        FichierAccepte accepte = (FichierAccepte) resultat;
        if (accepte.typeContenu() == TypeContenu.JPEG) {
            // A phone photo shot sideways is stored upright (issue 16, point 5).
            byte[] droit = PhotoTelephone.redresser(contenu);
            if (droit != contenu && inspecteur.inspecter(fichier.getOriginalFilename(), droit) instanceof FichierAccepte redresse) {
                contenu = droit;
                accepte = redresse;
            }
        }
        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), inspecteur.tailleMax());
        String code = codePiece.matches("[a-z_]{1,40}") ? codePiece : "autre";
        try {
            dossiers.ajouterPiece(dossier, usagerCourant.exiger().id(), code, accepte.nomNettoye(), accepte.typeContenu().name(),
                    accepte.taille(), accepte.sha256(), cle);
        } catch (TransitionImpossible e) {
            stockage.supprimer(cle);
            throw e;
        } catch (QuotaAtteint e) {
            stockage.supprimer(cle);
            redirection.addFlashAttribute("erreurPiece", e.getMessage());
            return "redirect:/usager/dossiers/" + id + "#documents";
        }
        EtatAnalyse analyse = analyses.analyser(cle);
        if (analyse == EtatAnalyse.INFECTE) {
            redirection.addFlashAttribute("erreurPiece", "Le fichier « " + accepte.nomNettoye() + " » contient un virus : "
                    + "il a été mis en quarantaine et ne sera pas transmis au service qui instruit votre dossier. Envoyez un autre fichier.");
        } else {
            redirection.addFlashAttribute("messageSucces", "Le document « " + accepte.nomNettoye() + " » est joint à votre dossier"
                    + (analyse == EtatAnalyse.SAIN ? "." : " ; son analyse antivirus est en cours, il sera transmis une fois vérifié."));
        }
        return "redirect:/usager/dossiers/" + id + "#documents";
    }

    @GetMapping("/usager/dossiers/{id}/pieces/{pieceId}")
    ResponseEntity<InputStreamResource> telecharger(@PathVariable long id, @PathVariable long pieceId,
                                                    HttpServletRequest requete, HttpServletResponse reponse) {
        Dossier dossier = dossier(id);
        Historique.PieceJointe piece = instruction.piece(dossier.id(), pieceId).orElseThrow(DossierIntrouvable::new);
        EtatAnalyse analyse = analyses.etat(piece.cleStockage());
        if (analyse != EtatAnalyse.SAIN) {
            return fr.gouv.guichet.piece.RenvoiFichierNonDisponible.versLaPage("/usager/dossiers/" + id, "erreurPiece", analyse, requete, reponse);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachement(piece.nom()))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(fr.gouv.guichet.piece.TypeContenu.valueOf(piece.typeContenu()).typeMime()))
                .contentLength(piece.taille())
                .body(new InputStreamResource(analyses.ouvrirSiSain(piece.cleStockage())));
    }

    /** The page the documents point to ("saisissez le code"): a field to type the code, and the result once typed. */
    @GetMapping("/verifier")
    String verifierSaisie(@RequestParam(name = "code", required = false) String code, Model model) {
        if (code == null || code.isBlank()) {
            model.addAttribute("code", "");
            model.addAttribute("saisie", true);
            return "demarche/verification";
        }
        return verifier(code.length() > 40 ? code.substring(0, 40) : code.strip(), model);
    }

    /** Public check of an official document by its code: type, number, date and préfecture, nothing personal. */
    @GetMapping("/verifier/{code}")
    String verifier(@PathVariable String code, Model model) {
        model.addAttribute("saisie", false);
        model.addAttribute("code", code);
        model.addAttribute("document", documents.verifier(code).orElse(null));
        model.addAttribute("format", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris")));
        return "demarche/verification";
    }

    private static String attachement(String nom) {
        return ContentDisposition.attachment().filename(nom, StandardCharsets.UTF_8).build().toString();
    }

    private Dossier dossier(long id) {
        return dossiers.deLUsager(id, usagerCourant.exiger().id()).orElseThrow(DossierIntrouvable::new);
    }
}
