package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.mediation.internal.Accompagnement;
import fr.gouv.guichet.mediation.internal.MediateurConnecte;
import fr.gouv.guichet.mediation.internal.SessionAccompagnee;
import fr.gouv.guichet.mediation.internal.SessionAccompagnee.Motif;
import fr.gouv.guichet.mediation.internal.SessionsAccompagnees;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs before Spring Security on every request of a browser session in an assisted session: ends it once idle past
 * its delay, on the usager's sign-out, or when the consenting usager is no longer the one signed in; asks the
 * signed-in usager's consent before anything else; records the activity and the step reached (path only, numbers
 * masked); and gives the pages what the banner shows.
 */
class FiltreAccompagnement extends OncePerRequestFilter {

    static final String VUE = "mediation.accompagnement.vue";
    static final String LIENS = "mediation.accompagnement.liens";
    private static final List<String> RESSOURCES = List.of("/dsfr/", "/css/", "/js/", "/img/", "/favicon", "/actuator/");
    private static final List<String> AVANT_CONSENTEMENT = List.of("/accompagnement", "/besoin-d-aide", "/deconnexion", "/mediateur",
            "/error", "/lieux-aide");
    private static final Pattern NOMBRES = Pattern.compile("/\\d+(?=/|$)");

    /** What the layout shows of an assisted session. */
    record Vue(String lieuNom, int inactiviteSecondes, boolean consentie) {
        public long minutes() {
            return Math.max(1, inactiviteSecondes / 60);
        }
    }

    private final SessionsAccompagnees sessions;
    private final FinAccompagnement fin;

    FiltreAccompagnement(SessionsAccompagnees sessions, FinAccompagnement fin) {
        this.sessions = sessions;
        this.fin = fin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String chemin = request.getRequestURI().substring(request.getContextPath().length());
        if (session == null || !(session.getAttribute(Accompagnement.CLE) instanceof Accompagnement accompagnement)
                || RESSOURCES.stream().anyMatch(chemin::startsWith) || chemin.equals(FinAccompagnement.PAGE_TERMINEE)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SessionAccompagnee> enregistree = sessions.parId(accompagnement.id());
        if (enregistree.isEmpty() || sessions.finie(enregistree.get())) {
            fin.terminer(request, response, accompagnement, Motif.INACTIVITE);
            return;
        }
        SessionAccompagnee sa = enregistree.get();
        Authentication auth = FinAccompagnement.authentification(session);
        if (auth != null && auth.getPrincipal() instanceof MediateurConnecte) {
            // The médiateur signed in again at this computer: the assisted session is over, the médiateur's page stays.
            sessions.terminer(sa.id(), Motif.DECONNEXION);
            session.removeAttribute(Accompagnement.CLE);
            chain.doFilter(request, response);
            return;
        }
        boolean usagerConnecte = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> "ROLE_USAGER".equals(a.getAuthority()));
        if (("POST".equals(request.getMethod()) && chemin.equals("/deconnexion"))
                || (accompagnement.usager() != null && (!usagerConnecte || !accompagnement.usager().equals(auth.getName())))) {
            fin.terminer(request, response, accompagnement, Motif.DECONNEXION);
            return;
        }
        boolean etape = "GET".equals(request.getMethod()) && AVANT_CONSENTEMENT.stream().noneMatch(chemin::startsWith);
        sessions.activite(sa.id(), etape ? etape(chemin) : null);
        session.setMaxInactiveInterval(sa.inactiviteSecondes() + 60);
        FinAccompagnement.sansTrace(response, false);
        if (usagerConnecte && accompagnement.usager() == null && AVANT_CONSENTEMENT.stream().noneMatch(chemin::startsWith)) {
            response.sendRedirect(request.getContextPath() + "/accompagnement/consentement");
            return;
        }
        request.setAttribute(VUE, new Vue(sa.lieuNom(), sa.inactiviteSecondes(), accompagnement.usager() != null));
        LiensUniques liens = new LiensUniques(session, request.getContextPath());
        request.setAttribute(LIENS, liens);
        if (chemin.startsWith(LiensUniques.PREFIXE)) {
            Optional<String> document = "GET".equals(request.getMethod())
                    ? liens.consommer(chemin.substring(LiensUniques.PREFIXE.length())) : Optional.empty();
            if (document.isPresent()) {
                request.getRequestDispatcher(document.get()).forward(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + LiensUniques.PAGE_LIEN_USE);
            }
            return;
        }
        ReponseDocument surveillee = new ReponseDocument(response);
        chain.doFilter(request, surveillee);
        if (surveillee.document() && !response.isCommitted()) {
            // A document opened by its address (history, download list): only its page's one-time link opens it.
            response.reset();
            FinAccompagnement.sansTrace(response, false);
            response.sendRedirect(request.getContextPath() + LiensUniques.PAGE_LIEN_USE);
        }
    }

    /** The step, as a path with its numbers masked (no dossier id, no personal data). */
    static String etape(String chemin) {
        return NOMBRES.matcher(chemin).replaceAll("/{n}");
    }

    static @Nullable Vue vue(HttpServletRequest request) {
        return request.getAttribute(VUE) instanceof Vue v ? v : null;
    }
}
