package fr.gouv.guichet.formulaire;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** formulaire.js in headless Chromium (Debian package) on the rendered fragments: hides and shows conditional fields. */
class ScriptConditionsTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPT = Path.of("src/main/resources/static/js/formulaire.js");

    private static Playwright playwright;
    private static Browser navigateur;

    @BeforeAll
    static void demarrer() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium absent de /usr/bin/chromium : lancez .ci/run ou installez le paquet chromium");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        navigateur = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true));
    }

    @AfterAll
    static void arreter() {
        if (navigateur != null) {
            navigateur.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private Page ouvrir(DefinitionFormulaire definition, String pageId, Reponses reponses) {
        Page page = navigateur.newPage();
        page.setContent("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>t</title></head><body>"
                + RenduFragments.page(definition, pageId, reponses, Map.of()) + "</body></html>");
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(SCRIPT));
        return page;
    }

    private static boolean visible(Page page, String champId) {
        return page.isVisible("#bloc-" + champId);
    }

    @Test
    void cases_et_radios_montrent_ou_cachent_les_champs() {
        Page page = ouvrir(Exemples.cerfa13806(), "finalites-localisation", Exemples.completes13806());
        assertThat(visible(page, "finalites_autre")).isFalse();
        assertThat(visible(page, "perimetre_description")).isFalse();
        assertThat(visible(page, "abords_immediats")).as("condition on page 1, decided by the server").isTrue();

        page.check("input[name=finalites][value=autre]");
        assertThat(visible(page, "finalites_autre")).isTrue();
        assertThat(page.isVisible("#bloc-finalites_autre [data-condition-aide]")).as("hint hidden with JavaScript").isFalse();
        page.uncheck("input[name=finalites][value=autre]");
        assertThat(visible(page, "finalites_autre")).isFalse();

        page.check("input[name=perimetre_videoprotege][value=oui]");
        assertThat(visible(page, "perimetre_description")).isTrue();
        page.close();
    }

    @Test
    void conditions_en_chaine_et_superieur_a() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "n", "type": "NOMBRE", "libelle": "N"},
                {"id": "q", "type": "OUI_NON", "libelle": "Q", "condition": {"champ": "n", "superieurA": 2}},
                {"id": "detail", "type": "TEXTE", "libelle": "Détail", "condition": {"champ": "q", "egal": "oui"}}""");
        Page page = ouvrir(essai, "p1", new Reponses(Map.of("n", "5", "q", "oui")));
        assertThat(List.of(visible(page, "q"), visible(page, "detail"))).containsExactly(true, true);
        page.fill("#champ-n", "1");
        assertThat(List.of(visible(page, "q"), visible(page, "detail"))).containsExactly(false, false);
        page.fill("#champ-n", "3");
        assertThat(List.of(visible(page, "q"), visible(page, "detail"))).containsExactly(true, true);
        page.close();
    }
}
