package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;

/**
 * Finding the nearest open help place, keyboard only: without JavaScript at 200 % zoom (a 640 px wide window), then
 * the same pages with JavaScript under axe-core; and the national administrator's upload with its error report.
 */
@TestGuichet
class LieuxAideBrowserTest {

    static Navigateur navigateur;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

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

    /** Moves the keyboard focus with Tab until the element has it (fails after 80 presses). */
    private static void tabulerJusqua(Page page, Locator cible) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) cible.evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("Élément jamais atteint au clavier : " + cible);
    }

    /** Draguignan, Tuesday 8 December 2026 at 15:00: its own point numérique is closed, Toulon's is the nearest open. */
    private void chercherLePlusProcheOuvert(Page page) {
        page.navigate(url("/"));
        Locator lien = page.locator("footer").getByText("Trouver un lieu d’aide près de chez vous");
        tabulerJusqua(page, lien);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Trouver un lieu d’aide près de chez vous");

        tabulerJusqua(page, page.locator("#lieu"));
        page.keyboard().type("Draguignan");
        tabulerJusqua(page, page.locator("#rayon"));
        page.locator("#rayon").selectOption("100");
        page.locator("#jour").fill("2026-12-08");
        page.locator("#heure").fill("15:00");
        tabulerJusqua(page, page.getByText("Rechercher", new Page.GetByTextOptions().setExact(true)));
        page.keyboard().press("Enter");

        assertThat(page.locator("#resultats h2")).containsText("autour de Draguignan");
        Locator premier = page.locator("#resultats li.fr-card").first().locator("h3 a");
        assertThat(premier).hasText("Point numérique de la préfecture du Var");
        assertThat(page.locator("#resultats")).not().containsText("sous-préfecture de Draguignan");
        tabulerJusqua(page, premier);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Point numérique de la préfecture du Var");
        assertThat(page.locator("main, body").first()).containsText("Boulevard du 112e Régiment d'Infanterie");
    }

    @Test
    void trouverLeLieuOuvertLePlusProche_auClavierSansJavaScript_zoom200() {
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = sansJs.newPage();
            page.setViewportSize(640, 800);
            chercherLePlusProcheOuvert(page);
        }
    }

    @Test
    void memesPages_sansViolationAxe_etErreursAcoteDesChamps() {
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/lieux-aide"));
            verifierAccessibilite(page);
            page.locator("#jour").fill("2026-12-08");
            page.getByText("Rechercher", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#lieu-erreur")).hasText("Indiquez une commune ou un code postal, par exemple Toulon ou 83000.");
            assertThat(page.locator("#lieu")).hasAttribute("aria-invalid", "true");
            verifierAccessibilite(page);
            chercherLePlusProcheOuvert(page);
            verifierAccessibilite(page);
            page.goBack();
            verifierAccessibilite(page);
        }
    }

    @Test
    void administrateurNational_televerseUnFichierInvalide_puisCorrige() throws Exception {
        String email = "national-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        agents.creerAvecMotDePasse(email, "Administrateur national", AgentsDeTest.MOT_DE_PASSE, true);
        String id = "nav-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "id,nom,commune,code_postal,adresse,latitude,longitude,horaires,services\n"
                + id + ",Espace numérique de La Garde,La Garde,83130,Place de la mairie,43.1246,6.0103,\"Mo-Fr 09:00-17:00; PH off\","
                + "Aide aux démarches administratives\n";
        Path invalide = Files.createTempFile("lieux", ".csv");
        Path valide = Files.createTempFile("lieux", ".csv");
        Files.writeString(invalide, csv.replace("83130", "8313"), StandardCharsets.UTF_8);
        Files.writeString(valide, csv, StandardCharsets.UTF_8);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/agent/connexion"));
            page.locator("#email").fill(email);
            page.locator("#motDePasse").fill(AgentsDeTest.MOT_DE_PASSE);
            page.locator("#motDePasse").press("Enter");
            page.navigate(url("/agent/national"));
            page.getByText("Importer les lieux d’aide (points et espaces numériques)").click();
            assertThat(page.locator("h1")).hasText("Importer les lieux d’aide");
            verifierAccessibilite(page);

            page.locator("#fichier").setInputFiles(invalide);
            page.getByText("Importer", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#rapport-erreurs")).containsText("Import refusé : aucun lieu n’a été importé");
            assertThat(page.locator("#rapport-erreurs li")).hasText("Ligne 2 : code_postal : « 8313 » invalide (cinq chiffres)");
            verifierAccessibilite(page);

            page.locator("#fichier").setInputFiles(valide);
            page.getByText("Importer", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator(".fr-alert--success")).containsText("1 lieu importé");
            page.navigate(url("/lieux-aide/" + id));
            assertThat(page.locator("h1")).hasText("Espace numérique de La Garde");
        } finally {
            Files.deleteIfExists(invalide);
            Files.deleteIfExists(valide);
        }
    }
}
