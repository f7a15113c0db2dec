package fr.gouv.guichet.socle.web;

import fr.gouv.guichet.socle.RenduEnMemoire;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.ui.ExtendedModelMap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up renders pages in memory (ADR 0033) through the same view resolver, request context and CSRF fields as a
 * real request: the home page rendered in memory is the page served over HTTP, byte for byte.
 */
@TestGuichet
class RenduEnMemoireIntegrationTest {

    @Autowired
    RenduEnMemoire rendu;
    @Autowired
    PagesController pages;
    @LocalServerPort
    int port;

    @Test
    void la_page_rendue_en_memoire_est_celle_servie() throws Exception {
        String servie;
        try (HttpClient client = HttpClient.newHttpClient()) {
            servie = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        ExtendedModelMap modele = new ExtendedModelMap();
        modele.addAttribute("cheminCourant", "/");
        String vue = pages.accueil(null, modele);
        String enMemoire = rendu.rendre(vue, "/", modele);
        assertThat(enMemoire).contains("<h1").isEqualTo(servie);
    }

    /** Shape of the layout's signed-in usager (its header shows the sign-out form). */
    public record Connecte(String email, String prefecture) {
    }

    @Test
    void un_formulaire_rendu_en_memoire_porte_un_jeton_csrf_tire_pour_ce_rendu() throws Exception {
        ExtendedModelMap modele = new ExtendedModelMap();
        modele.addAttribute("usagerConnecte", new Connecte("exemple@exemple.invalid", "Préfecture d’exemple"));
        String html = rendu.rendre(pages.accueil(null, modele), "/", modele);
        String autre = rendu.rendre(pages.accueil(null, modele), "/", modele);
        java.util.regex.Pattern jeton = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([0-9a-f-]{36})\"");
        java.util.regex.Matcher m1 = jeton.matcher(html);
        java.util.regex.Matcher m2 = jeton.matcher(autre);
        assertThat(m1.find()).as("formulaire de déconnexion avec son jeton").isTrue();
        assertThat(m2.find()).isTrue();
        assertThat(m1.group(1)).isNotEqualTo(m2.group(1));
    }
}
