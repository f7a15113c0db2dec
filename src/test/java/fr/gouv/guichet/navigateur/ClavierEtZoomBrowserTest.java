package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.bouton;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.cocher;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage1;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage2;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage3;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RGAA 12.13 / WCAG 2.1.1 and 1.4.10: the whole procedure with the keyboard alone (no click, no fill: Tab, arrows,
 * Space, Enter, typing), then at 320 CSS pixels wide (no horizontal scrolling, no clipped button); after a refused
 * submission the error summary has the focus and the title starts with "Erreur :"; a button pressed while an
 * autosave is in flight does not end in a false "modified elsewhere".
 */
@TestGuichet
class ClavierEtZoomBrowserTest extends ParcoursDossierNavigateur {

    /** Keyboard only: moves the focus with Tab until the predicate (JavaScript, on document.activeElement) holds. */
    record Clavier(Page page) {

        void tabJusqua(String predicat, String quoi) {
            page.waitForLoadState();
            for (int i = 0; i < 400; i++) {
                page.keyboard().press("Tab");
                try {
                    if (Boolean.TRUE.equals(page.evaluate("() => { const a = document.activeElement; return !!a && (" + predicat + "); }"))) {
                        return;
                    }
                } catch (com.microsoft.playwright.PlaywrightException navigationEnCours) {
                    // The previous Enter is still loading the next page: wait for it, then go on tabbing there.
                    page.waitForLoadState();
                }
            }
            throw new AssertionError("Impossible d’atteindre au clavier : " + quoi + " (" + page.url() + ")");
        }

        /** Fields in page order: selector, text, selector, text… */
        void saisirTout(String... selecteursEtTextes) {
            for (int i = 0; i < selecteursEtTextes.length; i += 2) {
                saisir(selecteursEtTextes[i], selecteursEtTextes[i + 1]);
            }
        }

        void saisir(String selecteur, String texte) {
            tabJusqua("a.matches('" + selecteur + "')", selecteur);
            page.keyboard().press("Control+A");
            page.keyboard().type(texte);
        }

        /** A radio group: Tab into it, then the arrows until the wanted value is checked. */
        void choisir(String nom, String valeur) {
            tabJusqua("a.name === '" + nom + "'", nom);
            for (int i = 0; i < 10 && !Boolean.TRUE.equals(page.evaluate("() => document.activeElement.value === '" + valeur + "'")); i++) {
                page.keyboard().press("ArrowDown");
            }
            page.keyboard().press("Space");
            assertThat(page.locator("input[name=" + nom + "][value=" + valeur + "]")).isChecked();
        }

        void cocher(String selecteur) {
            tabJusqua("a.matches('" + selecteur + "')", selecteur);
            page.keyboard().press("Space");
            assertThat(page.locator(selecteur)).isChecked();
        }

        /** A link or button of the main content, reached by Tab, activated with Enter. */
        void activer(String texte) {
            tabJusqua("a.closest('main') !== null && a.textContent.trim() === '" + texte.replace("'", "\\'") + "'", texte);
            page.keyboard().press("Enter");
        }
    }

    /** Screen 1 of the authorization form, keyboard only. */
    static void page1(Clavier clavier) {
        clavier.choisir("qualite", "commercant");
        clavier.saisirTout(
                "#champ-nom_naissance", "Martin",
                "#champ-prenom", "Claire",
                "#champ-denomination", "Boulangerie du Port",
                "#champ-siret", "732 829 320 00074",
                "#champ-activite", "Boulangerie-pâtisserie",
                "#champ-declarant_voie", "12 quai Cronstadt",
                "#champ-declarant_code_postal", "83000",
                "#champ-declarant_commune", "Toulon",
                "#champ-declarant_telephone", "04 94 00 00 00",
                "#champ-contact_images_nom", "Claire Martin, gérante",
                "#champ-contact_images_telephone", "06 12 34 56 78");
    }

    /** Screen 2, keyboard only. */
    static void page2(Clavier clavier) {
        clavier.cocher("input[name=finalites][value=prevention_atteintes_biens]");
        clavier.saisir("#champ-horaires_ouverture", "Du mardi au dimanche, de 6 h 30 à 19 h 30");
        clavier.choisir("etablissement_recevant_public", "oui");
        clavier.saisirTout(
                "#champ-systeme_voie", "12 quai Cronstadt",
                "#champ-systeme_code_postal", "83000",
                "#champ-systeme_commune", "Toulon",
                "#champ-cameras_interieures", "3",
                "#champ-cameras_exterieures", "1");
        clavier.choisir("abords_immediats", "non");
        clavier.choisir("perimetre_videoprotege", "non");
    }

    /** Screen 3 with the engagement ticked, keyboard only. */
    static void page3(Clavier clavier) {
        clavier.choisir("transmission", "non");
        clavier.choisir("installateur_certifie", "non");
        clavier.saisir("#champ-installateur_nom", "Sécurité Provence SARL");
        clavier.saisir("#champ-personnes_habilitees", "La gérante et son adjoint");
        clavier.choisir("enregistrement", "oui");
        clavier.saisirTout(
                "#champ-duree_conservation", "15",
                "#champ-mesures_securite", "Enregistreur dans un local fermé à clé, accès par mot de passe",
                "#champ-information_public", "Affiche à l’entrée du magasin",
                "#champ-droit_acces_service", "La gérante",
                "#champ-droit_acces_telephone", "04 94 00 00 00",
                "#champ-date_mise_en_service", LocalDate.now().plusMonths(2).format(DateTimeFormatter.ofPattern("ddMMyyyy")));
        clavier.cocher("input[name=engagement][value=certifie]");
    }

    @Test
    void toutLaDemarcheAuClavierSeul_resumeDesErreursPrendLeFocus() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            Clavier clavier = new Clavier(page);
            page.navigate(url("/connexion"));
            clavier.saisir("#email", compte.email());
            clavier.saisir("#motDePasse", "pas le bon mot de passe");
            clavier.activer("Se connecter");
            assertThat(page.locator("#resume-erreurs")).isFocused();
            assertThat(page).hasTitle(Pattern.compile("^Erreur : Se connecter"));
            clavier.saisir("#motDePasse", ComptesDeTest.MOT_DE_PASSE);
            clavier.activer("Se connecter");
            assertThat(page.locator("h1")).hasText("Mon espace");

            clavier.activer("Vidéoprotection");
            clavier.activer("Demande d’autorisation d’un nouveau système");
            clavier.choisir("lieu", "UN_DEPARTEMENT");
            clavier.activer("Commencer le formulaire");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");

            // Screen 1 refused: the focus goes to the error summary, the title says "Erreur :".
            clavier.activer("Page suivante");
            assertThat(page.locator("#resume-erreurs")).isFocused();
            assertThat(page).hasTitle(Pattern.compile("^Erreur : "));
            verifierAccessibilite(page);

            page1(clavier);
            // Leaving the last field starts an autosave just as the button is reached: no false conflict (9c).
            clavier.activer("Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            assertThat(page).not().hasTitle(Pattern.compile("^Erreur"));

            page2(clavier);
            clavier.activer("Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");

            // Screen 3 refused (nothing filled): focus on the summary again.
            clavier.activer("Valider");
            assertThat(page.locator("#resume-erreurs")).isFocused();
            assertThat(page).hasTitle(Pattern.compile("^Erreur : "));
            page3(clavier);
            clavier.activer("Valider");
            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");

            clavier.cocher("#certification");
            clavier.activer("Valider définitivement ma demande");
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
        }
    }

    @Test
    void boutonPressePendantUneSauvegardeAutomatique_pasDeFauxConflit() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            nouveauBrouillon(page);
            remplirPage1(page);
            // The autosave reaches the server (the draft's version moves on) but its answer is held back...
            AtomicReference<Runnable> reponseRetenue = new AtomicReference<>();
            page.route("**/auto", route -> {
                APIResponse reponse = route.fetch();
                reponseRetenue.set(() -> route.fulfill(new Route.FulfillOptions().setResponse(reponse)));
            });
            page.locator("#champ-activite").fill("Boulangerie");
            for (int i = 0; i < 100 && reponseRetenue.get() == null; i++) {
                page.waitForTimeout(50);
            }
            assertThat(reponseRetenue.get()).as("sauvegarde automatique partie").isNotNull();
            // ... while the usager presses "Page suivante"; then the answer arrives.
            page.locator("main").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Page suivante").setExact(true)).click(new Locator.ClickOptions().setNoWaitAfter(true));
            page.waitForTimeout(300);
            reponseRetenue.get().run();
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            assertThat(page.locator("#alerte-conflit")).hasCount(0);
        }
    }

    @Test
    void demarcheA320Pixels_sansDefilementHorizontalNiBoutonRogne() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.observe(navigateur.navigateur().newContext(new Browser.NewContextOptions()
                .setViewportSize(320, 640).setBypassCSP(true).setLocale("fr-FR")))) {
            Page page = connecte(contexte, compte);
            sansDebordement(page);
            page.navigate(url("/usager/videoprotection/nouveau?demarche=AUTORISATION"));
            sansDebordement(page);
            assertThat(page.locator("label[for=lieu-un]")).hasText("Dans le département choisi : Var (83), Préfecture du Var");
            cocher(page, "#lieu-un");
            bouton(page, "Commencer le formulaire");
            sansDebordement(page);
            remplirPage1(page);
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            sansDebordement(page);
            remplirPage2(page);
            bouton(page, "Page suivante");
            sansDebordement(page);
            remplirPage3(page);
            bouton(page, "Valider");
            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            sansDebordement(page);
            cocher(page, "#certification");
            bouton(page, "Valider définitivement ma demande");
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
            sansDebordement(page);
            page.navigate(url("/usager/dossiers"));
            sansDebordement(page);
        }
    }

    @Test
    void boutonsDesEcransDuFormulaire_lisiblesEn1280() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.observe(navigateur.navigateur().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setBypassCSP(true).setLocale("fr-FR")))) {
            Page page = connecte(contexte, compte);
            nouveauBrouillon(page);
            remplirPage1(page);
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            sansDebordement(page);
            for (String nom : List.of("Page précédente", "Page suivante")) {
                double largeur = page.locator("main").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(nom).setExact(true)).boundingBox().width;
                assertThat(largeur).as("largeur du bouton « %s »", nom).isGreaterThan(80);
            }
        }
    }

    /** No horizontal scrolling (WCAG 1.4.10) and no button whose label is cut (text wider than the button). */
    private static void sansDebordement(Page page) {
        Object largeur = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) largeur).intValue()).as("largeur de %s", page.url())
                .isLessThanOrEqualTo(((Number) page.evaluate("() => window.innerWidth")).intValue());
        Object rognes = page.evaluate("""
                () => [...document.querySelectorAll('main .fr-btn')]
                    .filter(b => b.offsetParent !== null && b.textContent.trim() !== '' && b.scrollWidth > b.clientWidth + 1)
                    .map(b => b.textContent.trim())""");
        assertThat((List<?>) rognes).as("boutons rognés sur %s", page.url()).isEmpty();
    }
}
