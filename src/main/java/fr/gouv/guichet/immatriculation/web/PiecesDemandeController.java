package fr.gouv.guichet.immatriculation.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.internal.PiecesDemande;
import fr.gouv.guichet.piece.InspecteurFichier;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;

/** A document joined to the usager's own draft request before its payment (the theft declaration of a duplicate). */
@Controller
class PiecesDemandeController {

    private final UsagerCourant usager;
    private final PiecesDemande pieces;
    private final InspecteurFichier inspecteur;

    PiecesDemandeController(UsagerCourant usager, PiecesDemande pieces, InspecteurFichier inspecteur) {
        this.usager = usager;
        this.pieces = pieces;
        this.inspecteur = inspecteur;
    }

    @PostMapping("/usager/vehicules/demandes/{id}/pieces")
    String joindre(@PathVariable long id, @RequestParam(defaultValue = "") String code,
                   @RequestParam(name = "fichier", required = false) MultipartFile fichier, RedirectAttributes redirection) throws IOException {
        long moi = usager.exiger().id();
        String champ = code.matches("[a-z_]{1,40}") ? code : PiecesDemande.DECLARATION_VOL.code();
        try {
            byte[] contenu = null;
            if (fichier != null && !fichier.isEmpty()) {
                try (InputStream in = fichier.getInputStream()) {
                    contenu = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, inspecteur.tailleMax() + 1));
                }
            }
            String nom = pieces.joindre(id, moi, champ, fichier == null ? null : fichier.getOriginalFilename(), contenu);
            redirection.addFlashAttribute("messageSucces", "Le document « " + nom + " » est joint à votre demande.");
        } catch (ErreursSaisie e) {
            redirection.addFlashAttribute("erreurs", e.parChamp());
        }
        return "redirect:/usager/vehicules/demandes/" + id + "#pieces";
    }
}
