package fr.gouv.fauxidp;

import fr.gouv.fauxidp.Persona.Fournisseur;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The provider's sign-in page: pick a persona of the issuer that asked (or cancel, which answers
 * {@code error=access_denied} to the service).
 */
@RestController
class PageConnexion {

    private final HttpSessionRequestCache demandes = ServeurFauxIdp.demandesSauvegardees();
    private final ClientsTolerants clients;

    PageConnexion(ClientsTolerants clients) {
        this.clients = clients;
    }

    @GetMapping(value = "/connexion", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    @ResponseBody
    String page(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest demande = demandes.getRequest(request, response);
        Fournisseur fournisseur = demande == null ? Fournisseur.FC
                : Fournisseur.duChemin(UriComponentsBuilder.fromUriString(demande.getRedirectUrl()).build().getPath());
        String nom = fournisseur == Fournisseur.FC ? "FranceConnect" : "ProConnect";
        StringBuilder choix = new StringBuilder();
        boolean premier = true;
        for (Persona p : Personas.de(fournisseur)) {
            String id = "persona-" + HtmlUtils.htmlEscape(p.cle());
            choix.append("""
                    <div class="fr-fieldset__element"><div class="fr-radio-group">
                      <input type="radio" id="%s" name="persona" value="%s"%s>
                      <label class="fr-label" for="%s">%s<span class="fr-hint-text">%s</span></label>
                    </div></div>
                    """.formatted(id, HtmlUtils.htmlEscape(p.cle()), premier ? " checked" : "", id,
                    HtmlUtils.htmlEscape(p.libelle()), HtmlUtils.htmlEscape(p.email())));
            premier = false;
        }
        String annulation = demande == null ? "" : """
                <form method="post" action="/connexion/annuler" class="fr-mt-4w">
                  <button type="submit" class="fr-btn fr-btn--secondary">Annuler et revenir au service</button>
                </form>""";
        return """
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Fournisseur d’identité de démonstration — %1$s (factice)</title>
                <link rel="stylesheet" href="/dsfr/dsfr.min.css"></head>
                <body><main class="fr-container fr-my-6w" id="contenu">
                <h1>Fournisseur d’identité de démonstration — %1$s (factice)</h1>
                <p>Ce fournisseur imite %1$s pour essayer Guichet : aucun mot de passe n’est demandé.</p>
                <form method="post" action="/connexion">
                  <fieldset class="fr-fieldset">
                    <legend class="fr-fieldset__legend">Choisissez l’identité avec laquelle vous connecter</legend>
                    %2$s
                  </fieldset>
                  <button type="submit" class="fr-btn">Se connecter avec cette identité</button>
                </form>
                %3$s
                </main></body></html>
                """.formatted(nom, choix, annulation);
    }

    /** The person gives up: back to the service with {@code error=access_denied}, as the real providers do. */
    @PostMapping("/connexion/annuler")
    void annuler(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SavedRequest demande = demandes.getRequest(request, response);
        String retour = demande == null ? null : premier(demande, "redirect_uri");
        String clientId = demande == null ? null : premier(demande, "client_id");
        ClientsTolerants.Client client = clientId == null ? null : clients.client(clientId);
        if (retour == null || client == null || !clients.tolere(retour, client.cheminRetour())) {
            response.sendError(400);
            return;
        }
        demandes.removeRequest(request, response);
        UriComponentsBuilder redirection = UriComponentsBuilder.fromUriString(retour)
                .queryParam("error", "access_denied")
                .queryParam("error_description", "L’utilisateur a annulé la connexion");
        String state = premier(demande, "state");
        if (state != null) {
            redirection.queryParam("state", state);
        }
        response.sendRedirect(redirection.encode(StandardCharsets.UTF_8).build().toUriString());
    }

    private static @Nullable String premier(SavedRequest demande, String nom) {
        String[] valeurs = demande.getParameterValues(nom);
        return valeurs == null || valeurs.length == 0 ? null : valeurs[0];
    }
}
