package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.compte.ReglesMotDePasse;
import fr.gouv.guichet.mediation.internal.Accompagnement;
import fr.gouv.guichet.mediation.internal.MediateurConnecte;
import fr.gouv.guichet.mediation.internal.Mediateurs;
import fr.gouv.guichet.mediation.internal.SessionAccompagnee;
import fr.gouv.guichet.mediation.internal.SessionsAccompagnees;
import fr.gouv.guichet.notification.Courriers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;

/**
 * The médiateur's pages: sign-in, invitation, their place's page (start an assisted session, past sessions without
 * personal data, letters to hand over). Never a usager's dossier.
 */
@Controller
class MediateurController {

    private final Mediateurs mediateurs;
    private final SessionsAccompagnees sessions;
    private final Courriers courriers;
    private final Clock horloge;

    MediateurController(Mediateurs mediateurs, SessionsAccompagnees sessions, Courriers courriers, Clock horloge) {
        this.mediateurs = mediateurs;
        this.sessions = sessions;
        this.courriers = courriers;
        this.horloge = horloge;
    }

    @GetMapping("/mediateur/connexion")
    String connexion() {
        return "mediation/mediateur-connexion";
    }

    @GetMapping("/mediateur/invitation")
    String invitation(@RequestParam(name = "jeton", defaultValue = "") String jeton, Model model) {
        model.addAttribute("jeton", jeton);
        model.addAttribute("valide", mediateurs.invitationValide(jeton));
        return "mediation/mediateur-invitation";
    }

    @PostMapping("/mediateur/invitation")
    String accepter(@RequestParam(name = "jeton", defaultValue = "") String jeton,
                    @RequestParam(name = "motDePasse", defaultValue = "") String motDePasse,
                    @RequestParam(name = "confirmation", defaultValue = "") String confirmation, Model model,
                    RedirectAttributes redirection) {
        String email = mediateurs.emailInvite(jeton).orElse(null);
        String erreur = email == null ? null : ReglesMotDePasse.verifier(motDePasse, email).orElse(
                motDePasse.equals(confirmation) ? null : "La confirmation ne correspond pas : saisissez deux fois le même mot de passe.");
        if (email == null || erreur != null || !mediateurs.accepterInvitation(jeton, motDePasse)) {
            model.addAttribute("jeton", jeton);
            model.addAttribute("valide", email != null);
            model.addAttribute("erreur", erreur);
            return "mediation/mediateur-invitation";
        }
        redirection.addFlashAttribute("messageSucces", "Votre mot de passe est enregistré : vous pouvez vous connecter.");
        return "redirect:/mediateur/connexion";
    }

    @GetMapping("/mediateur")
    String accueil(Model model) {
        MediateurConnecte m = courant();
        model.addAttribute("mediateur", m);
        model.addAttribute("lieu", mediateurs.lieu(m.lieuId()).orElseThrow());
        model.addAttribute("sessions", sessions.duMediateur(m.id()));
        model.addAttribute("courriers", courriers.aRemettre(m.lieuId()));
        return "mediation/mediateur";
    }

    /**
     * Opens an assisted session and signs the médiateur out of this browser: only the assisted session stays in it,
     * where the usager signs in themselves.
     */
    @PostMapping("/mediateur/sessions")
    String demarrer(HttpServletRequest request) {
        SessionAccompagnee session = sessions.demarrer(courant());
        HttpSession ancienne = request.getSession(false);
        if (ancienne != null) {
            ancienne.invalidate();
        }
        SecurityContextHolder.clearContext();
        HttpSession nouvelle = request.getSession(true);
        nouvelle.setAttribute(Accompagnement.CLE, new Accompagnement(session.id(), null));
        nouvelle.setMaxInactiveInterval(session.inactiviteSecondes() + 60);
        return "redirect:/accompagnement";
    }

    @GetMapping("/mediateur/courrier")
    String courrier(@RequestParam(name = "cle", defaultValue = "") String cle, Model model) {
        model.addAttribute("courrier", courriers.duLieu(courant().lieuId(), cle)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("lieu", mediateurs.lieu(courant().lieuId()).orElseThrow());
        return "mediation/courrier";
    }

    @PostMapping("/mediateur/courrier/remis")
    String remis(@RequestParam(name = "cle", defaultValue = "") String cle, RedirectAttributes redirection) {
        if (!courriers.marquerRemis(courant().lieuId(), cle, horloge.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirection.addFlashAttribute("messageSucces", "Courrier marqué comme remis.");
        return "redirect:/mediateur";
    }

    /** The signed-in médiateur, reloaded: a deactivated one is refused at once. */
    private MediateurConnecte courant() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof MediateurConnecte m)) {
            throw new org.springframework.security.access.AccessDeniedException("Médiateur non connecté");
        }
        return mediateurs.actif(m.id()).orElseThrow(() ->
                new org.springframework.security.access.AccessDeniedException("Médiateur désactivé"));
    }
}
