package fr.gouv.guichet.videoprotection.web;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import fr.gouv.guichet.socle.securite.Frein;
import fr.gouv.guichet.videoprotection.internal.CodesTitulaire;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 10, point 2: a modification or renewal whose reference is not an authorization filed from this account starts
 * from an empty draft, the reference recorded for the préfecture; a holder who is not the filing account may prove
 * control of the authorization with a single-use code sent to the holder's address on file, and then get its answers.
 * Every answer is the same whether the reference exists or not; sending and checking codes are throttled.
 */
@Controller
class TitulaireController {

    static final String ENVOYE = "Si la référence indiquée correspond à une autorisation accordée par arrêté à cette date, "
            + "un code à usage unique vient d’être envoyé à l’adresse électronique du titulaire enregistrée dans le dossier de "
            + "l’autorisation. Il est valable 15 minutes.";
    static final String CODE_FAUX = "Ce code n’est pas valable (erroné, expiré ou déjà utilisé) : vérifiez-le, demandez-en "
            + "un nouveau, ou continuez avec le formulaire vide.";
    static final String TROP = "Trop de demandes en peu de temps : réessayez dans une heure, ou continuez avec le formulaire vide.";

    /** Codes sent: per account, and per reference (the holder is not flooded); codes typed: per account. */
    private static final Frein.Limite ENVOIS_COMPTE = new Frein.Limite("code-titulaire-envoi", 3, Duration.ofHours(1));
    private static final Frein.Limite ENVOIS_REFERENCE = new Frein.Limite("code-titulaire-reference", 3, Duration.ofHours(1));
    private static final Frein.Limite ESSAIS_COMPTE = new Frein.Limite("code-titulaire-essai", 10, Duration.ofHours(1));
    private static final Logger log = LoggerFactory.getLogger(TitulaireController.class);

    private final UsagerCourant usagerCourant;
    private final Dossiers dossiers;
    private final CodesTitulaire codes;
    private final Courriels courriels;
    private final Frein frein;

    TitulaireController(UsagerCourant usagerCourant, Dossiers dossiers, CodesTitulaire codes, Courriels courriels, Frein frein) {
        this.usagerCourant = usagerCourant;
        this.dossiers = dossiers;
        this.codes = codes;
        this.courriels = courriels;
        this.frein = frein;
    }

    @GetMapping("/usager/videoprotection/brouillons/{id}/titulaire")
    String page(@PathVariable long id, Model model) {
        return vue(model, brouillon(id), false, null);
    }

    @PostMapping("/usager/videoprotection/brouillons/{id}/titulaire/code")
    String envoyer(@PathVariable long id, Model model, HttpServletRequest requete) {
        ProfilUsager profil = usagerCourant.exiger();
        Dossier brouillon = brouillon(id);
        if (!frein.autoriser(ENVOIS_COMPTE.pour("usager:" + profil.id()),
                ENVOIS_REFERENCE.pour(String.valueOf(brouillon.referenceAutorisation())))) {
            return vue(model, brouillon, false, TROP);
        }
        codes.emettre(brouillon, profil.id()).ifPresent(envoi -> {
            try {
                courriels.envoyer(new Courriel(envoi.adresse(), "Code pour reprendre l’autorisation " + envoi.numero(), List.of(
                        "Une modification ou un renouvellement de l’autorisation de vidéoprotection " + envoi.numero()
                                + " a été commencé depuis un compte Guichet, qui demande à reprendre les réponses de ce dossier.",
                        "Si c’est vous, saisissez ce code sur la page ouverte : " + envoi.code() + ". Il est valable 15 minutes "
                                + "et ne sert qu’une fois.",
                        "Si ce n’est pas vous, ne communiquez ce code à personne : sans lui, rien n’est copié."), null, null));
            } catch (RuntimeException e) {
                log.warn("Code titulaire non envoyé pour le brouillon {} : {}", brouillon.id(), e.getMessage());
            }
        });
        return vue(model, brouillon, true, null);
    }

    @PostMapping("/usager/videoprotection/brouillons/{id}/titulaire/preuve")
    String prouver(@PathVariable long id, @RequestParam(name = "code", defaultValue = "") String code, Model model,
                   RedirectAttributes redirection) {
        ProfilUsager profil = usagerCourant.exiger();
        Dossier brouillon = brouillon(id);
        if (!frein.autoriser(ESSAIS_COMPTE.pour("usager:" + profil.id()))) {
            return vue(model, brouillon, true, TROP);
        }
        Optional<Dossier> autorisation = codes.verifier(brouillon, code.length() > 20 ? "" : code);
        if (autorisation.isEmpty() || !autorisation.get().formulaireId().equals(brouillon.formulaireId())) {
            return vue(model, brouillon, true, CODE_FAUX);
        }
        Map<String, Object> reponses = new HashMap<>(autorisation.get().reponses());
        reponses.remove("engagement");
        reponses.put("nature_demande", brouillon.reponses().getOrDefault("nature_demande", ""));
        dossiers.enregistrer(brouillon.id(), profil.id(), brouillon.version(), reponses);
        redirection.addFlashAttribute("messageInfo", "Le formulaire est prérempli avec le système autorisé par l’arrêté du dossier "
                + autorisation.get().numero() + " : modifiez ce qui change.");
        return "redirect:/usager/dossiers/" + id + "/pages/1";
    }

    private String vue(Model model, Dossier brouillon, boolean codeDemande, @org.jspecify.annotations.Nullable String erreur) {
        model.addAttribute("brouillon", brouillon);
        model.addAttribute("codeDemande", codeDemande);
        model.addAttribute("messageEnvoi", ENVOYE);
        model.addAttribute("erreur", erreur);
        return "videoprotection/titulaire";
    }

    private Dossier brouillon(long id) {
        return dossiers.deLUsager(id, usagerCourant.exiger().id())
                .filter(d -> d.estBrouillon() && d.referenceAutorisation() != null)
                .orElseThrow(DossierIntrouvable::new);
    }
}
