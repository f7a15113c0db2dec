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
    private final UsagerCourant usagerCourant;

    FranceConnectController(ComptesFranceConnect comptes, UsagerCourant usagerCourant) {
        this.comptes = comptes;
        this.usagerCourant = usagerCourant;
    }

    @GetMapping(ConnexionFranceConnect.PAGE_ERREUR)
    String erreur(Model model) {
        Object code = model.getAttribute("codeErreur");
        model.addAttribute("raisonErreur", MessagesFranceConnect.erreur(code == null ? "" : code.toString()));
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
            return "compte/franceconnect-rattachement";
        }
        request.getSession().removeAttribute(ConnexionFranceConnect.EN_ATTENTE);
        request.changeSessionId();
        ConnexionFranceConnect.connecter(resultat.principal(), enAttente.jetonIdentite(), request, response);
        redirection.addFlashAttribute("messageSucces", "Votre identité FranceConnect est maintenant reliée à votre compte : "
                + "vous pourrez vous connecter avec FranceConnect ou avec votre mot de passe.");
        return "redirect:/usager";
    }

    @PostMapping("/connexion/franceconnect/abandon")
    String abandonner(HttpSession session, RedirectAttributes redirection) {
        session.removeAttribute(ConnexionFranceConnect.EN_ATTENTE);
        redirection.addFlashAttribute("messageInfo", "Votre identité FranceConnect n’a été reliée à aucun compte.");
        return "redirect:/connexion";
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
