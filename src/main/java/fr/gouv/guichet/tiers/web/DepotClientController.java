package fr.gouv.guichet.tiers.web;

import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Page;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.tiers.internal.AccesTiers;
import fr.gouv.guichet.tiers.internal.DepotsPourClient;
import fr.gouv.guichet.tiers.internal.Mandat;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Filing for a client: the procedure's own form on one screen (its versioned definition, rendered and checked by the
 * form engine), the client's mandate (uploaded, or signed on screen by the client), then the deposit.
 */
@Controller
class DepotClientController {

    private static final long TAILLE_MANDAT_MAX = 20L * 1024 * 1024;

    private final AccesTiers acces;
    private final DepotsPourClient depots;

    DepotClientController(AccesTiers acces, DepotsPourClient depots) {
        this.acces = acces;
        this.depots = depots;
    }

    @GetMapping("/usager/pro/depots/nouveau")
    String formulaire(@RequestParam(defaultValue = "") String procedure, Model model) {
        acces.entreprisePourDeposer();
        DefinitionFormulaire definition = depots.formulaire(procedure);
        return vue(model, procedure, definition, Reponses.vide(), List.of(), "", false);
    }

    @PostMapping("/usager/pro/depots/nouveau")
    String deposer(@RequestParam(defaultValue = "") String procedure,
                   @RequestParam(name = "mandat_mode", defaultValue = "") String mode,
                   @RequestParam(name = "mandat_signataire", defaultValue = "") String signataire,
                   @RequestParam(name = "mandat_fichier", required = false) MultipartFile fichier,
                   HttpServletRequest requete, Model model, RedirectAttributes redirection) throws IOException {
        acces.entreprisePourDeposer();
        DefinitionFormulaire definition = depots.formulaire(procedure);
        Reponses reponses = Reponses.vide();
        for (Page page : definition.pages()) {
            reponses = reponses.fusionner(Reponses.depuisFormulaire(definition, page, requete.getParameterMap(), reponses));
        }
        reponses = reponses.nettoyer(definition);
        boolean ecran = mode.equals("ecran");
        byte[] contenu = null;
        if (!ecran && fichier != null && !fichier.isEmpty()) {
            try (InputStream in = fichier.getInputStream()) {
                contenu = in.readNBytes((int) TAILLE_MANDAT_MAX + 1);
            }
        }
        DepotsPourClient.Resultat resultat = depots.deposer(new DepotsPourClient.Demande(procedure, reponses.valeurs(),
                new Mandat(fichier == null ? null : fichier.getOriginalFilename(), contenu, signataire.strip(), ecran),
                Lieux.reseau(requete.getRemoteAddr())));
        if (!resultat.depose()) {
            return vue(model, procedure, definition, reponses, resultat.erreurs(), signataire, ecran);
        }
        redirection.addFlashAttribute("messageSucces", "Le dossier n° " + resultat.numero() + " est déposé pour votre client. "
                + "Il en est informé par courriel, avec un lien pour le suivre ou s’y opposer.");
        return "redirect:/usager/pro/depots/" + resultat.depotId();
    }

    private String vue(Model model, String procedure, DefinitionFormulaire definition, Reponses reponses, List<ErreurChamp> erreurs,
                       String signataire, boolean ecran) {
        model.addAttribute("entreprise", acces.entreprise());
        model.addAttribute("procedure", procedure);
        model.addAttribute("definition", definition);
        model.addAttribute("reponses", reponses);
        model.addAttribute("erreursListe", erreurs);
        model.addAttribute("erreurs", MoteurValidation.parChamp(erreurs));
        model.addAttribute("enErreur", !erreurs.isEmpty());
        model.addAttribute("erreurMandat", erreurs.stream().filter(e -> e.champId().equals(DepotsPourClient.CHAMP_MANDAT))
                .map(ErreurChamp::message).findFirst().orElse(null));
        model.addAttribute("signataire", signataire);
        model.addAttribute("ecran", ecran);
        return "tiers/depot-nouveau";
    }
}
