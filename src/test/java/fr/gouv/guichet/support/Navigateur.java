package fr.gouv.guichet.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright (no browser download), and the axe-core check of each page
 * (WCAG 2.1 A and AA rules): any violation fails the test. Every HTML page received is also checked by the Nu HTML
 * Checker when the browser is closed (see {@link ValidateurHtml}).
 */
public final class Navigateur implements AutoCloseable {

    private static final List<String> OPTIONS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;
    private final ValidateurHtml validateurHtml = new ValidateurHtml();

    public Navigateur() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("guichet.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(OPTIONS));
    }

    /** The browser itself, for a context with other options (pass it to {@link #observe}). */
    public Browser navigateur() {
        return browser;
    }

    /** A fresh browser profile (no cookies) with JavaScript on; CSP bypassed only so that axe can be injected. */
    public BrowserContext contexte() {
        return observe(browser.newContext(new Browser.NewContextOptions().setBypassCSP(true).setLocale("fr-FR")));
    }

    public BrowserContext contexteSansJavaScript() {
        return observe(browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setLocale("fr-FR")));
    }

    /** Toute page HTML reçue par ce contexte sera vérifiée par le Nu HTML Checker à la fermeture du navigateur. */
    public BrowserContext observe(BrowserContext contexte) {
        validateurHtml.observer(contexte);
        return contexte;
    }

    /** Runs axe-core on the page and fails with the list of violations, if any. */
    public static void verifierAccessibilite(Page page) {
        verifierAccessibilite(page, "{}");
    }

    /**
     * The same, except the rule {@code meta-refresh}: pages of an assisted session end it by themselves once idle (a
     * time limit essential to a shared computer, announced in the banner; ADR 0020). Every other rule applies.
     */
    public static void verifierAccessibiliteSaufRafraichissement(Page page) {
        verifierAccessibilite(page, "{ 'meta-refresh': { enabled: false } }");
    }

    private static void verifierAccessibilite(Page page, String regles) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(axe()));
        Object violations = page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                                       rules: %s });""".formatted(regles) + """

                  return r.violations.map(v => v.id + ' (' + v.impact + ') : ' + v.help + ' -> '
                      + v.nodes.map(n => n.target.join(' ')).join(' | '));
                }""");
        if (violations instanceof List<?> liste && !liste.isEmpty()) {
            throw new AssertionError("Violations d’accessibilité (axe-core) sur " + page.url() + " :\n" + String.join("\n",
                    liste.stream().map(Object::toString).toList()));
        }
    }

    private static Path axe() {
        Path racine = Path.of(System.getProperty("guichet.project.dir", "."));
        Path axe = racine.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(axe)) {
            throw new IllegalStateException("axe-core introuvable : " + axe + " (npm ci n’a pas été lancé ?)");
        }
        return axe;
    }

    /** Ferme le navigateur puis vérifie (RGAA 8.2) toutes les pages HTML reçues, en un seul lancement du vérificateur. */
    @Override
    public void close() {
        try {
            browser.close();
            playwright.close();
        } finally {
            validateurHtml.verifier();
        }
    }
}
