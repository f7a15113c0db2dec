package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.mediation.internal.Accompagnement;
import fr.gouv.guichet.mediation.internal.SessionAccompagnee.Motif;
import fr.gouv.guichet.mediation.internal.SessionsAccompagnees;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;

/** The usager's side of an assisted session: sign-in choices, consent, end, and the "session ended" page. */
@Controller
class AccompagnementController {

    private final SessionsAccompagnees sessions;
    private final UsagerCourant usagerCourant;
    private final FinAccompagnement fin;

    AccompagnementController(SessionsAccompagnees sessions, UsagerCourant usagerCourant, FinAccompagnement fin) {
        this.sessions = sessions;
        this.usagerCourant = usagerCourant;
        this.fin = fin;
    }

    @GetMapping("/accompagnement")
    String accueil(HttpServletRequest request) {
        return accompagnement(request) == null ? "redirect:/" : "mediation/accompagnement";
    }

    @GetMapping("/accompagnement/consentement")
    String consentement(HttpServletRequest request) {
        Accompagnement a = accompagnement(request);
        if (a == null || usagerCourant.profil().isEmpty()) {
            return "redirect:/accompagnement";
        }
        return a.usager() == null ? "mediation/consentement" : "redirect:/usager";
    }

    @PostMapping("/accompagnement/consentement")
    void consentir(@RequestParam(name = "decision", defaultValue = "") String decision, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        Accompagnement a = accompagnement(request);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || usagerCourant.profil().isEmpty() || auth == null) {
            response.sendRedirect(request.getContextPath() + "/accompagnement");
        } else if (!"accepter".equals(decision)) {
            fin.terminer(request, response, a, Motif.REFUS);
        } else if (!sessions.consentir(a.id(), usagerCourant.exiger().id())) {
            fin.terminer(request, response, a, Motif.INACTIVITE);
        } else {
            request.getSession().setAttribute(Accompagnement.CLE, new Accompagnement(a.id(), auth.getName()));
            response.sendRedirect(request.getContextPath() + "/usager");
        }
    }

    /** The end button (POST), or the page's automatic refresh once idle (GET, only ends). */
    @PostMapping("/accompagnement/fin")
    void terminer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        terminer(request, response, Motif.USAGER);
    }

    @GetMapping("/accompagnement/fin")
    void inactivite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        terminer(request, response, Motif.INACTIVITE);
    }

    private void terminer(HttpServletRequest request, HttpServletResponse response, Motif motif) throws IOException {
        Accompagnement a = accompagnement(request);
        if (a == null) {
            FinAccompagnement.sansTrace(response, false);
            response.sendRedirect(request.getContextPath() + FinAccompagnement.PAGE_TERMINEE + "?motif=" + motif.name());
        } else {
            fin.terminer(request, response, a, motif);
        }
    }

    /** Where a used (or foreign) one-time link, or a document opened by its address, leads during a session. */
    @GetMapping(LiensUniques.PAGE_LIEN_USE)
    String lienUnique() {
        return "mediation/lien-unique";
    }

    @GetMapping(FinAccompagnement.PAGE_TERMINEE)
    String terminee(@RequestParam(name = "motif", defaultValue = "USAGER") String motif, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        FinAccompagnement.sansTrace(response, true);
        model.addAttribute("motif", switch (motif) {
            case "INACTIVITE" -> "après un moment sans activité";
            case "REFUS" -> "parce que vous avez refusé d’être aidé";
            case "DECONNEXION" -> "à la déconnexion";
            default -> "à votre demande";
        });
        return "mediation/session-terminee";
    }

    private static Accompagnement accompagnement(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(Accompagnement.CLE) instanceof Accompagnement a ? a : null;
    }
}
