package fr.gouv.guichet.permis.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.ResultatEnregistrement;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.FormatEphoto;
import fr.gouv.guichet.permis.PhotoPermis;
import fr.gouv.guichet.permis.PhotoPermis.Lecture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Base64;
import java.util.Optional;

/**
 * The ePhoto page of a licence draft (issue 12, point 7): the code typed (and corrected here if needed), the photo and
 * the signature fetched from the photo service, and the usager's confirmation before the recap.
 */
@Controller
class PhotoPermisController {

    private final Dossiers dossiers;
    private final UsagerCourant usagerCourant;
    private final PhotoPermis photo;

    PhotoPermisController(Dossiers dossiers, UsagerCourant usagerCourant, PhotoPermis photo) {
        this.dossiers = dossiers;
        this.usagerCourant = usagerCourant;
        this.photo = photo;
    }

    @GetMapping("/usager/permis/dossiers/{id}/photo")
    String afficher(@PathVariable long id, Model model) {
        Dossier dossier = brouillon(id);
        if (!dossier.estBrouillon()) {
            return "redirect:/usager/dossiers/" + id;
        }
        return vue(model, dossier, photo.lire(new Reponses(dossier.reponses()).texte(PhotoPermis.CHAMP)));
    }

    /** A corrected code: saved in the draft (nothing typed is lost), then read again. */
    @PostMapping("/usager/permis/dossiers/{id}/photo")
    String corriger(@PathVariable long id, @RequestParam(name = "code", defaultValue = "") String code, Model model) {
        Dossier dossier = brouillon(id);
        if (!dossier.estBrouillon()) {
            return "redirect:/usager/dossiers/" + id;
        }
        String saisie = code.length() > FormatEphoto.LONGUEUR_MAX ? code.substring(0, FormatEphoto.LONGUEUR_MAX) : code.strip();
        ResultatEnregistrement resultat = dossiers.enregistrer(id, usager(), dossier.version(),
                new Reponses(dossier.reponses()).avec(PhotoPermis.CHAMP, saisie).valeurs());
        if (!resultat.enregistre()) {
            return "redirect:/usager/permis/dossiers/" + id + "/photo";
        }
        return vue(model, brouillon(id), photo.lire(saisie));
    }

    @PostMapping("/usager/permis/dossiers/{id}/photo/confirmation")
    String confirmer(@PathVariable long id, Model model, RedirectAttributes redirection) {
        Dossier dossier = brouillon(id);
        if (!dossier.estBrouillon()) {
            return "redirect:/usager/dossiers/" + id;
        }
        Optional<String> erreur = photo.confirmer(dossier);
        if (erreur.isPresent()) {
            return vue(model, dossier, new Lecture(new Reponses(dossier.reponses()).texte(PhotoPermis.CHAMP), null, erreur.get()));
        }
        redirection.addFlashAttribute("messageSucces", "Votre photo et votre signature sont confirmées.");
        return "redirect:/usager/dossiers/" + id + "/validation";
    }

    private String vue(Model model, Dossier dossier, Lecture lecture) {
        model.addAttribute("dossier", dossier);
        model.addAttribute("demarche", DemarchePermis.depuisCode(dossier.demarche()).orElseThrow(DossierIntrouvable::new));
        model.addAttribute("lecture", lecture);
        if (lecture.photo() != null) {
            model.addAttribute("photoSrc", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(lecture.photo().photoJpeg()));
            model.addAttribute("signatureSrc", "data:image/png;base64," + Base64.getEncoder().encodeToString(lecture.photo().signaturePng()));
        }
        return "permis/photo";
    }

    /** The usager's own licence draft or dossier; anything else is not found. */
    private Dossier brouillon(long id) {
        return dossiers.deLUsager(id, usager()).filter(d -> DemarchePermis.depuisCode(d.demarche()).isPresent())
                .orElseThrow(DossierIntrouvable::new);
    }

    private long usager() {
        return usagerCourant.exiger().id();
    }
}
