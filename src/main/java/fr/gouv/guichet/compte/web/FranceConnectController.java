package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.compte.internal.ComptesFranceConnect;
import fr.gouv.guichet.compte.internal.ComptesFranceConnect.Rattachement;
import fr.gouv.guichet.compte.internal.ConnexionFranceConnect;
import fr.gouv.guichet.compte.internal.ConnexionFranceConnect.EnAttente;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * FranceConnect pages of Guichet: the error page, the explicit link of a FranceConnect identity to the existing
 * account of its e-mail (that account's password, once), and the removal of the link from "Mon compte".
 */
@Controller
class FranceConnectController {

    private final ComptesFranceConnect comptes;
    private final ConnexionFranceConnect connexion;
    private final UsagerCourant usagerCourant;

    FranceConnectController(ComptesFranceConnect comptes, ConnexionFranceConnect connexion, UsagerCourant usagerCourant) {
        this.comptes = comptes;
        this.connexion = connexion;
        this.usagerCourant = usagerCourant;
    }

    /**
     * A sign-in cancelled at FranceConnect, or a return that is replayed or too late, is no failure to report in red
     * with a code: the sign-in page says plainly what happened, and the usager starts again.
     */
    @GetMapping(ConnexionFranceConnect.PAGE_ERREUR)
    String erreur(Model model, RedirectAttributes redirection) {
        String code = model.getAttribute("codeErreur") instanceof String c ? c : "";
        String simple = MessagesFranceConnect.sansGravite(code);
        if (simple != null) {
            redirection.addFlashAttribute("messageInfo", simple);
            return "redirect:/connexion";
        }
        model.addAttribute("raisonErreur", MessagesFranceConnect.erreur(code));
        return "compte/franceconnect-erreur";
    }

    @GetMapping(ConnexionFranceConnect.PAGE_RATTACHEMENT)
    String rattachement(HttpSession session, Model model) {
        EnAttente enAttente = enAttente(session);
        if (enAttente == null) {
            return "redirect:/connexion";
        }
        model.addAttribute("identite", enAttente.identite());
        return "compte/franceconnect-rattachement";
    }

    @PostMapping(ConnexionFranceConnect.PAGE_RATTACHEMENT)
    String rattacher(@RequestParam(name = "motDePasse", defaultValue = "") String motDePasse, HttpServletRequest request,
                     HttpServletResponse response, Model model, RedirectAttributes redirection) {
        EnAttente enAttente = enAttente(request.getSession());
        if (enAttente == null) {
            return "redirect:/connexion";
        }
        Rattachement resultat = comptes.rattacher(enAttente.identite(), motDePasse, request.getRemoteAddr());
        if (resultat.principal() == null) {
            model.addAttribute("identite", enAttente.identite());
            model.addAttribute("erreurMotDePasse", MessagesFranceConnect.rattachement(resultat.statut()));
            model.addAttribute("enErreur", true);
            return "compte/franceconnect-rattachement";
        }
        request.getSession().removeAttribute(ConnexionFranceConnect.EN_ATTENTE);
        request.changeSessionId();
        ConnexionFranceConnect.connecter(resultat.principal(), enAttente.jetonIdentite(), request, response);
        redirection.addFlashAttribute("messageSucces", "Votre identité FranceConnect est maintenant reliée à votre compte : "
                + "vous pourrez vous connecter avec FranceConnect ou avec votre mot de passe.");
        return "redirect:/usager";
    }

    /** "Ne pas relier": the FranceConnect session is closed too, so that the next person at this browser is not greeted as this one. */
    @PostMapping("/connexion/franceconnect/abandon")
    void abandonner(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        EnAttente enAttente = enAttente(request.getSession());
        request.getSession().removeAttribute(ConnexionFranceConnect.EN_ATTENTE);
        String message = "Votre identité FranceConnect n’a été reliée à aucun compte. Vous n’êtes connecté ni à Guichet ni à FranceConnect.";
        if (enAttente != null && connexion.quitterFranceConnect(request, response, enAttente.jetonIdentite(), java.util.Map.of("messageInfo", message))) {
            return;
        }
        String connexionUrl = request.getContextPath() + "/connexion";
        org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request).put("messageInfo", message);
        org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap(connexionUrl, request, response);
        response.sendRedirect(connexionUrl);
    }

    @PostMapping("/compte/franceconnect/suppression")
    String supprimerLien(RedirectAttributes redirection) {
        long usagerId = usagerCourant.exiger().id();
        switch (comptes.supprimerLien(usagerId)) {
            case SUPPRIME -> redirection.addFlashAttribute("messageSucces", "Le lien avec FranceConnect est supprimé : "
                    + "connectez-vous désormais avec votre adresse électronique et votre mot de passe.");
            case SANS_MOT_DE_PASSE -> redirection.addFlashAttribute("messageErreur", "Le lien avec FranceConnect n’a pas été "
                    + "supprimé : c’est aujourd’hui votre seul moyen de connexion. Choisissez d’abord un mot de passe ci-dessous.");
            case AUCUN_LIEN -> redirection.addFlashAttribute("messageInfo", "Votre compte n’est relié à aucune identité FranceConnect.");
        }
        return "redirect:/compte";
    }

    private static @Nullable EnAttente enAttente(HttpSession session) {
        return session.getAttribute(ConnexionFranceConnect.EN_ATTENTE) instanceof EnAttente e ? e : null;
    }
}
