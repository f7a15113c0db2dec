package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;

/**
 * The new back-office pages in Chromium, under axe-core and the Nu HTML Checker: a CERT's queue with its département
 * filter, a service's contact details (errors beside the fields, then saved), the national competence table (errors,
 * then a dated row added, history kept), also without JavaScript.
 */
@TestGuichet
class ServicesInstructeursBrowserTest {

    static Navigateur navigateur;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;
    @Autowired
    ServicesInstructeurs services;

    @BeforeAll
    static void lancer() {
        navigateur = new Navigateur();
    }

    @AfterAll
    static void fermer() {
        navigateur.close();
    }

    private String url(String chemin) {
        return "http://localhost:" + port + chemin;
    }

    private void connecter(Page page, String email) {
        page.navigate(url("/agent/connexion"));
        page.locator("#email").fill(email);
        page.locator("#motDePasse").fill(AgentsDeTest.MOT_DE_PASSE);
        page.locator("#motDePasse").press("Enter");
    }

    @Test
    void agentDeCert_file_filtreParDepartement_puisCoordonneesDuService_avecErreursAcoteDesChamps() {
        String code = "cert-immatriculation-nimes";
        ServiceInstructeur.Coordonnees avant = services.parCode(code).orElseThrow().coordonnees();
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent(code, RoleAgent.ADMINISTRATEUR);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecter(page, agent.email());
            assertThat(page.locator("h1")).containsText("CERT immatriculation de Nîmes");
            assertThat(page.locator("#departement option")).containsText(new String[]{"Tous les départements servis", "Gard (30)", "Var (83)"});
            verifierAccessibilite(page);
            page.locator("#departement").selectOption("83");
            page.getByText("Filtrer", new Page.GetByTextOptions().setExact(true)).first().click();
            assertThat(page.locator("#departement")).hasValue("83");
            verifierAccessibilite(page);

            page.getByText("Coordonnées du service").click();
            assertThat(page.locator("h1")).containsText("Coordonnées — CERT immatriculation de Nîmes");
            verifierAccessibilite(page);
            page.locator("#telephone").fill("pas un numéro");
            page.locator("#courriel").fill("");
            page.getByText("Enregistrer les coordonnées").click();
            assertThat(page.locator("#telephone-erreur")).hasText("Indiquez un numéro de téléphone joignable, par exemple 04 94 18 83 83.");
            assertThat(page.locator("#telephone")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#resume-erreurs")).containsText("Indiquez l’adresse électronique du service");
            verifierAccessibilite(page);
            page.locator("#telephone").fill("04 66 00 00 00");
            page.locator("#courriel").fill("cert-immatriculation@gard.gouv.fr");
            page.getByText("Enregistrer les coordonnées").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Coordonnées enregistrées");
            assertThat(page.locator("#telephone")).hasValue("04 66 00 00 00");
        } finally {
            services.enregistrer(code, avant, null);
        }
    }

    @Test
    void administrateurNational_competence_erreurs_puisLigneDatee_sansJavaScript_puisAvecAxe() {
        String email = "national-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        agents.creerAvecMotDePasse(email, "Administrateur national", AgentsDeTest.MOT_DE_PASSE, true);
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = sansJs.newPage();
            connecter(page, email);
            page.navigate(url("/agent/national"));
            page.getByText("Compétence des services (qui instruit quoi, pour quel département)").click();
            assertThat(page.locator("h1")).hasText("Compétence des services instructeurs");
            page.locator("#famille").selectOption("IDENTITE");
            page.locator("#departement").selectOption("48");
            page.locator("#valideDu").fill("2099-13-01");
            page.getByText("Ajouter la ligne").click();
            assertThat(page.locator("#service-erreur")).hasText("Choisissez un service instructeur de la liste.");
            assertThat(page.locator("#valideDu-erreur")).containsText("format jj/mm/aaaa");
            assertThat(page.locator("#famille")).hasValue("IDENTITE");
            page.locator("#service").selectOption("cert-identite-lyon");
            page.locator("#valideDu").fill("01/06/2099");
            page.locator("#source").fill("Réorganisation de démonstration (test)");
            page.getByText("Ajouter la ligne").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Ligne ajoutée");
            assertThat(page.locator("table tbody tr")).hasCount(2);
            assertThat(page.locator("table tbody tr").first()).containsText("01/06/2099");
        }
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecter(page, email);
            page.navigate(url("/agent/national"));
            verifierAccessibilite(page);
            page.navigate(url("/agent/national/competences?famille=IDENTITE&departement=48"));
            verifierAccessibilite(page);
            page.getByText("Ajouter la ligne").click();
            assertThat(page.locator("#famille-erreur")).hasText("Choisissez une famille de démarches de la liste.");
            verifierAccessibilite(page);
        }
    }
}
