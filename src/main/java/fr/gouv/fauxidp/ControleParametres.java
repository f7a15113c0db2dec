package fr.gouv.fauxidp;

import fr.gouv.fauxidp.Persona.Fournisseur;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The checks the real providers make on an authorization request, before Spring Authorization Server sees it:
 * {@code state} and {@code nonce} of at least 32 characters, {@code acr_values} required by FranceConnect, no
 * parameter outside ProConnect's list. A failed check goes back to the client as {@code error=invalid_request}
 * (once client and redirect URI are known to be legitimate; otherwise a plain 400 page).
 */
final class ControleParametres extends OncePerRequestFilter {

    static final int LONGUEUR_MIN = 32;
    private static final Set<String> PARAMETRES_PROCONNECT = Set.of("response_type", "client_id", "redirect_uri",
            "scope", "state", "nonce", "claims", "prompt", "idp_hint", "acr_values");

    private final ClientsTolerants clients;

    ControleParametres(ClientsTolerants clients) {
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String chemin = request.getRequestURI();
        return !(chemin.equals("/fc/api/v2/authorize") || chemin.equals("/proconnect/api/v2/authorize"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Fournisseur fournisseur = Fournisseur.duChemin(request.getRequestURI());
        String clientId = request.getParameter("client_id");
        String retour = request.getParameter("redirect_uri");
        ClientsTolerants.Client client = clientId == null ? null : clients.client(clientId);
        if (client == null || client.fournisseur() != fournisseur || retour == null
                || !clients.tolere(retour, client.cheminRetour())) {
            response.setStatus(400);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("Requête invalide : client ou adresse de retour inconnus.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String erreur = erreur(request, fournisseur);
        if (erreur != null) {
            UriComponentsBuilder redirection = UriComponentsBuilder.fromUriString(retour)
                    .queryParam("error", "invalid_request")
                    .queryParam("error_description", erreur);
            String state = request.getParameter("state");
            if (state != null) {
                redirection.queryParam("state", state);
            }
            response.sendRedirect(redirection.encode(StandardCharsets.UTF_8).build().toUriString());
            return;
        }
        oublierPersonaDUnAutreFournisseur(request, fournisseur);
        chain.doFilter(request, response);
    }

    private static @Nullable String erreur(HttpServletRequest request, Fournisseur fournisseur) {
        if (fournisseur == Fournisseur.PROCONNECT) {
            for (String nom : request.getParameterMap().keySet()) {
                if (!PARAMETRES_PROCONNECT.contains(nom)) {
                    return "Y000400 : paramètre non autorisé : " + nom;
                }
            }
        }
        if (fournisseur == Fournisseur.FC && isBlank(request.getParameter("acr_values"))) {
            return "acr_values est obligatoire";
        }
        if (longueur(request.getParameter("state")) < LONGUEUR_MIN) {
            return "state doit contenir au moins 32 caractères";
        }
        if (longueur(request.getParameter("nonce")) < LONGUEUR_MIN) {
            return "nonce doit contenir au moins 32 caractères";
        }
        return null;
    }

    /** One browser session at the fake serves both issuers: a persona of the other issuer must choose again. */
    private static void oublierPersonaDUnAutreFournisseur(HttpServletRequest request, Fournisseur fournisseur) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Object contexte = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication auth = contexte instanceof SecurityContext c ? c.getAuthentication() : null;
        if (auth != null && Personas.parSub(auth.getName()).map(p -> p.fournisseur() != fournisseur).orElse(true)) {
            session.invalidate();
        }
    }

    private static int longueur(@Nullable String valeur) {
        return valeur == null ? 0 : valeur.length();
    }

    private static boolean isBlank(@Nullable String valeur) {
        return valeur == null || valeur.isBlank();
    }
}
