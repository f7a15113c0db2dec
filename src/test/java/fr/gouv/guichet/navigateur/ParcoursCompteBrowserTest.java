package fr.gouv.guichet.navigateur;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usager's whole first journey in Chromium: accueil → create account → activation e-mail → activate →
 * sign in → choose préfecture 83 → sign out, with the failure paths, every page checked with axe-core.
 */
@TestGuichet
class ParcoursCompteBrowserTest {

    private static final String MOT_DE_PASSE = "Vidéo-protection du magasin 2026";

    static Navigateur navigateur;

    @LocalServerPort
    int port;

    @Autowired
    GreenMail greenMail;

    BoiteCourriels courriels;

    @BeforeAll
    static void lancer() {
        navigateur = new Navigateur();
    }

    @AfterAll
    static void fermer() {
        navigateur.close();
    }

    @BeforeEach
    void boite() {
        courriels = new BoiteCourriels(greenMail);
    }

    private String url(String chemin) {
        return "http://localhost:" + port + chemin;
    }

    private static String nouvelEmail() {
        return "usager-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    @Test
    void parcoursComplet_creationActivationConnexionChoixPrefectureDeconnexion() {
        String email = nouvelEmail();
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/"));
            assertThat(page.locator("h1")).hasText("Vos démarches en ligne auprès de la préfecture");
            assertThat(page.locator(".fr-header__service-title")).hasText("Guichet — téléprocédures des préfectures");
            verifierAccessibilite(page);

            page.locator(".fr-header__tools").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Créer un compte")).click();
            assertThat(page.locator("h1")).hasText("Créer un compte");
            verifierAccessibilite(page);

            page.getByLabel("Adresse électronique").fill(email);
            page.locator("#motDePasse").fill(MOT_DE_PASSE);
            page.locator("#confirmation").fill(MOT_DE_PASSE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            assertThat(page.locator("h1")).hasText("Vérifiez votre messagerie");
            verifierAccessibilite(page);

            // Not activated yet: the sign-in page says so (only once the password is right) and offers a new link.
            page.navigate(url("/connexion"));
            verifierAccessibilite(page);
            seConnecter(page, email, MOT_DE_PASSE);
            assertThat(page.locator("#email-erreur")).containsText("pas encore activé");
            assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
            verifierAccessibilite(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Renvoyer le lien d’activation")).click();
            assertThat(page.locator(".fr-alert--info")).containsText("nouveau lien d’activation");

            // The activation e-mail, read from the embedded SMTP server, then the link.
            BoiteCourriels.Recu activation = courriels.attendre(email, "Activez votre compte");
            page.navigate(activation.lien());
            assertThat(page.locator("h1")).hasText("Activer mon compte");
            verifierAccessibilite(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer mon compte")).click();
            assertThat(page.locator(".fr-alert--success")).containsText("Votre compte est activé");

            // Wrong password: message next to the password field.
            seConnecter(page, email, "mauvais mot de passe !");
            assertThat(page.locator("#motDePasse-erreur")).containsText("incorrect");
            assertThat(page.locator("#resume-erreurs")).isVisible();
            verifierAccessibilite(page);

            seConnecter(page, email, MOT_DE_PASSE);
            assertThat(page.locator("h1")).hasText("Choisir la préfecture");
            verifierAccessibilite(page);
            page.getByLabel("Département d’installation").selectOption("83");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choisir cette préfecture")).click();
            assertThat(page.locator("h1")).hasText("Mon espace");
            assertThat(page.locator(".fr-header__service-tagline")).containsText("Préfecture du Var");
            verifierAccessibilite(page);

            page.navigate(url("/compte"));
            assertThat(page.locator("h1")).hasText("Mon compte");
            verifierAccessibilite(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
            assertThat(page.locator(".fr-alert--success")).containsText("Vous êtes déconnecté");
            page.navigate(url("/usager"));
            assertThat(page.locator("h1")).hasText("Se connecter");
        }
        // The resend came less than 2 minutes after sign-up: rate-limited, so only the first mail was sent.
        assertThat(courriels.pour(email).stream().filter(r -> r.sujet().contains("Activez")).count()).isEqualTo(1);
    }

    @Test
    void inscription_refuseMotDePasseFaibleEtConfirmationDifferente_avecMessageSousLeChamp() {
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/inscription"));
            page.getByLabel("Adresse électronique").fill(nouvelEmail());
            page.locator("#motDePasse").fill("azerty123456");
            page.locator("#confirmation").fill("azerty123456");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            assertThat(page.locator("#motDePasse-erreur")).containsText("trop courant");
            assertThat(page.locator("#motDePasse")).hasAttribute("aria-describedby", "motDePasse-erreur");
            // Refused: the error summary has the focus, the title starts with "Erreur :".
            assertThat(page.locator("#resume-erreurs")).isFocused();
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Erreur : Créer un compte"));
            verifierAccessibilite(page);

            page.locator("#motDePasse").fill("court");
            page.locator("#confirmation").fill("court");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            assertThat(page.locator("#motDePasse-erreur")).containsText("au moins 12 caractères");

            page.locator("#motDePasse").fill(MOT_DE_PASSE);
            page.locator("#confirmation").fill(MOT_DE_PASSE + " différent");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            assertThat(page.locator("#confirmation-erreur")).containsText("ne correspond pas");
            assertThat(page.locator("#motDePasse-erreur")).hasCount(0);
            assertThat(page.locator("#resume-erreurs a")).hasText("La confirmation ne correspond pas au mot de passe : saisissez deux fois le même mot de passe.");
            verifierAccessibilite(page);

            page.getByLabel("Adresse électronique").fill("pas-une-adresse");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            assertThat(page.locator("#email-erreur")).containsText("n’est pas valide");
        }
    }

    @Test
    void pagesPubliques_accessiblesEtEnFrancais() {
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            for (String chemin : new String[]{"/aide", "/mentions-legales", "/accessibilite", "/donnees-personnelles",
                    "/mot-de-passe-oublie", "/dev/courriels"}) {
                page.navigate(url(chemin));
                assertThat(page.locator("html")).hasAttribute("lang", "fr");
                assertThat(page.locator(".fr-skiplinks")).hasCount(1);
                assertThat(page.locator("footer.fr-footer")).hasCount(1);
                verifierAccessibilite(page);
            }
            var reponse = page.navigate(url("/cette-page-n-existe-pas"));
            assertThat(reponse.status()).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("Page non trouvée");
            assertThat(page.content()).doesNotContain("Exception").doesNotContain("at org.");
            verifierAccessibilite(page);
        }
    }

    @Test
    void sansJavaScript_inscriptionEtConnexionFonctionnent() {
        String email = nouvelEmail();
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            Page page = contexte.newPage();
            page.navigate(url("/inscription"));
            page.getByLabel("Adresse électronique").fill(email);
            page.locator("#motDePasse").fill(MOT_DE_PASSE);
            page.locator("#confirmation").fill(MOT_DE_PASSE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            assertThat(page.locator("h1")).hasText("Vérifiez votre messagerie");
            page.navigate(courriels.attendre(email, "Activez votre compte").lien());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer mon compte")).click();
            seConnecter(page, email, MOT_DE_PASSE);
            page.getByLabel("Département d’installation").selectOption("75");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choisir cette préfecture")).click();
            assertThat(page.locator(".fr-header__service-tagline")).containsText("Préfecture de police");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
            assertThat(page.locator(".fr-alert--success")).containsText("Vous êtes déconnecté");
        }
    }

    private void seConnecter(Page page, String email, String motDePasse) {
        if (!page.url().endsWith("/connexion")) {
            page.navigate(url("/connexion"));
        }
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(motDePasse);
        page.locator("main").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Se connecter")).click();
    }
}
