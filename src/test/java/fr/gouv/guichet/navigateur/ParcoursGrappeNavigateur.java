package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.gouv.guichet.support.Navigateur;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.bouton;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.cocher;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage1;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage2;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage3;

/**
 * The journey of {@code deploy/local/grappe.sh} in Chromium (Debian's, through Playwright, JavaScript on), run while
 * the instances behind HAProxy are killed and restarted: sign in, then, until the stop file exists, a videoprotection
 * dossier (3 screens, validation with the certification, one PDF joined). Each step refused (instance killed: 502,
 * database switching: 503 page, page not as expected) is logged and done again one second later, from its own
 * address, as a person would reload. Writes the same journal as {@code deploy/local/parcours.py} (numbers received,
 * pieces with their SHA-256, the session cookie, refusals), which its {@code bilan} checks against the database, the
 * SMTP sink and every instance. Not a test of the suite: it needs the cluster the script starts.
 * <p>
 * {@code java -cp … fr.gouv.guichet.navigateur.ParcoursGrappeNavigateur BASE EMAIL MOT_DE_PASSE ARRET JOURNAL}
 */
public final class ParcoursGrappeNavigateur {

    private static final Pattern DOSSIER = Pattern.compile("/usager/dossiers/(\\d+)");
    private static final Pattern PIECE = Pattern.compile("/usager/dossiers/\\d+/pieces/(\\d+)");
    private static final double ATTENTE_MS = 60_000;

    private final String base;
    private final String compte;
    private final String motDePasse;
    private final Path arret;
    private final PrintWriter journal;
    private final Path repertoire;

    private ParcoursGrappeNavigateur(String base, String compte, String motDePasse, Path arret, Path journal) throws IOException {
        this.base = base;
        this.compte = compte;
        this.motDePasse = motDePasse;
        this.arret = arret;
        this.journal = new PrintWriter(Files.newBufferedWriter(journal, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
        this.repertoire = Files.createTempDirectory("grappe-navigateur-");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage : BASE EMAIL MOT_DE_PASSE ARRET JOURNAL");
        }
        new ParcoursGrappeNavigateur(args[0], args[1], args[2], Path.of(args[3]), Path.of(args[4])).jouer();
    }

    /** A step refused: what the browser got instead of the expected page. */
    private static final class Refus extends RuntimeException {
        Refus(String detail) {
            super(detail);
        }
    }

    private void ecrire(String evt, Map<String, Object> valeurs) {
        StringBuilder ligne = new StringBuilder("{\"evt\": \"").append(evt).append('"');
        Map<String, Object> tout = new LinkedHashMap<>(valeurs);
        tout.put("compte", compte);
        tout.put("t", System.currentTimeMillis() / 1000.0);
        tout.forEach((k, v) -> {
            ligne.append(", \"").append(k).append("\": ");
            if (v instanceof Number) {
                ligne.append(v);
            } else if (v instanceof Map<?, ?> m) {
                ligne.append('{');
                ligne.append(String.join(", ", m.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\": \"" + texte(e.getValue()) + "\"").toList()));
                ligne.append('}');
            } else {
                ligne.append('"').append(texte(v)).append('"');
            }
        });
        journal.println(ligne.append('}'));
    }

    private static String texte(Object v) {
        return String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    private void jouer() throws Exception {
        try (Navigateur navigateur = new Navigateur(); BrowserContext contexte = navigateur.navigateur()
                .newContext(new Browser.NewContextOptions().setLocale("fr-FR"))) {
            contexte.setDefaultTimeout(ATTENTE_MS);
            Page page = contexte.newPage();
            page.onResponse(this::noterErreur);
            etape("connexion", () -> connecter(page));
            ecrire("session", Map.of("cookies", Map.of("GUICHET_SESSION", contexte.cookies().stream()
                    .filter(c -> c.name.equals("GUICHET_SESSION")).findFirst().orElseThrow().value)));
            int n = 0;
            while (!Files.exists(arret)) {
                n++;
                try {
                    deposer(page, n);
                } catch (Refus e) {
                    ecrire("abandon", Map.of("etape", "?", "detail", e.getMessage()));
                }
            }
        }
    }

    /** Every error status of a page (the document, not its images): 500 must never happen, 502/503 may. */
    private void noterErreur(Response reponse) {
        if (reponse.status() >= 500 && reponse.request().isNavigationRequest()) {
            ecrire("statut", Map.of("statut", reponse.status(), "url", reponse.url(),
                    "retry_after", String.valueOf(reponse.headerValue("retry-after"))));
        }
    }

    /** Runs a step, again one second later while it is refused (90 tries at most, as parcours.py). */
    private <T> T etape(String nom, java.util.function.Supplier<T> action) {
        for (int essai = 1; ; essai++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                String detail = e instanceof Refus ? e.getMessage() : e.getClass().getSimpleName() + " : "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                ecrire("refus", Map.of("etape", nom, "detail", detail));
                if (essai >= 90) {
                    throw new Refus(nom + " : " + detail);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new Refus("interrompu");
                }
            }
        }
    }

    private void aller(Page page, String chemin) {
        Response r = page.navigate(base + chemin);
        verifier(page, r == null ? 0 : r.status());
    }

    /** After a navigation or a form sent: an error status or page, or the sign-in page, is a refusal. */
    private void verifier(Page page, int statut) {
        if (statut >= 400) {
            throw new Refus("HTTP " + statut);
        }
        if (page.url().contains("/connexion")) {
            throw new Refus("SESSION_PERDUE");
        }
    }

    private void envoyer(Page page, Runnable clic) {
        Response r = page.waitForNavigation(clic);
        verifier(page, r == null ? 0 : r.status());
    }

    private Void connecter(Page page) {
        page.navigate(base + "/connexion");
        page.getByLabel("Adresse électronique").fill(compte);
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(motDePasse);
        Response r = page.waitForNavigation(() -> page.locator("main")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click());
        if (r != null && r.status() >= 400 || !page.url().contains("/usager")) {
            throw new Refus("connexion refusée : " + page.url());
        }
        return null;
    }

    private void deposer(Page page, int n) throws Exception {
        String dossier = etape("nouveau", () -> {
            aller(page, "/usager/videoprotection/nouveau?demarche=AUTORISATION");
            cocher(page, "#lieu-un");
            envoyer(page, () -> bouton(page, "Commencer le formulaire"));
            Matcher m = Pattern.compile("/usager/dossiers/(\\d+)/pages/1$").matcher(page.url());
            if (!m.find()) {
                throw new Refus("page inattendue " + page.url());
            }
            return m.group(1);
        });
        for (int numero = 1; numero <= 3; numero++) {
            int ecran = numero;
            etape("écran " + ecran, () -> {
                aller(page, "/usager/dossiers/" + dossier + "/pages/" + ecran);
                switch (ecran) {
                    case 1 -> remplirPage1(page);
                    case 2 -> remplirPage2(page);
                    default -> remplirPage3(page);
                }
                envoyer(page, () -> bouton(page, ecran == 3 ? "Valider" : "Page suivante"));
                String attendue = ecran == 3 ? "/validation" : "/pages/" + (ecran + 1);
                if (!page.url().endsWith(attendue)) {
                    throw new Refus("page inattendue " + page.url());
                }
                return null;
            });
        }
        long debut = System.currentTimeMillis();
        String numeroDossier = etape("valider", () -> {
            // Again from the validation page: a deposit whose answer was lost shows its number there, never twice.
            aller(page, "/usager/dossiers/" + dossier + "/validation");
            if (page.locator("#numero-dossier").count() == 0) {
                cocher(page, "#certification");
                envoyer(page, () -> bouton(page, "Valider définitivement ma demande"));
            }
            if (page.locator("#numero-dossier").count() == 0) {
                throw new Refus("pas de numéro " + page.url());
            }
            return page.locator("#numero-dossier").textContent().strip();
        });
        ecrire("numero", Map.of("dossier", Long.parseLong(dossier), "numero", numeroDossier,
                "attente", (System.currentTimeMillis() - debut) / 1000.0));
        byte[] contenu = ParcoursDossierNavigateur.pdf("Modele d affiche " + compte + " " + n);
        Path fichier = repertoire.resolve("modele-affiche.pdf");
        Files.write(fichier, contenu);
        long piece = etape("pièce", () -> {
            aller(page, "/usager/dossiers/" + dossier);
            page.locator("#code-piece").selectOption(new SelectOption().setValue("modele_affiche"));
            page.locator("#fichier").setInputFiles(fichier);
            envoyer(page, () -> bouton(page, "Joindre ce document"));
            if (page.locator(".fr-alert--success").count() == 0 || !DOSSIER.matcher(page.url()).find()) {
                throw new Refus("pièce non jointe " + page.url());
            }
            Matcher m = PIECE.matcher(page.content());
            long max = -1;
            while (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
            if (max < 0) {
                throw new Refus("pièce absente de la page");
            }
            return max;
        });
        ecrire("piece", Map.of("dossier", Long.parseLong(dossier), "piece", piece,
                "sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu))));
    }
}
