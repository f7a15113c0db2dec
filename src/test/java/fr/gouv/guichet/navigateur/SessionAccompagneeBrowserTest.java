package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import fr.gouv.fauxidp.Persona;
import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Personas;
import fr.gouv.guichet.mediation.internal.Mediateurs;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assisted sessions in Chromium (issue 16, « Terminé quand »): a médiateur of the point numérique of the Toulon
 * préfecture runs a session for a usager without e-mail address, keyboard only, without JavaScript, at 200 % zoom,
 * from the account's creation (FranceConnect) to the filed dossier; then nothing is left at the shared browser. And
 * a session that ends by inactivity (the page's own refresh) leaves nothing either, checked with axe-core.
 */
class SessionAccompagneeBrowserTest extends ParcoursDossierNavigateur {

    static final String TOULON = "guichet-pn-83-toulon";
    static final String MOT_DE_PASSE = "Mot de passe du médiateur 2026";

    @Autowired
    Mediateurs mediateurs;
    @Autowired
    fr.gouv.guichet.agent.Agents agents;

    /** Moves the keyboard focus with Tab until the element has it (fails after 120 presses). */
    static void tabulerJusqua(Page page, Locator cible) {
        for (int i = 0; i < 120; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) cible.evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("Élément jamais atteint au clavier : " + cible);
    }

    static void activerAuClavier(Page page, Locator cible) {
        tabulerJusqua(page, cible);
        page.keyboard().press("Enter");
    }

    static void saisirAuClavier(Page page, Locator champ, String texte) {
        tabulerJusqua(page, champ);
        page.keyboard().type(texte);
    }

    String mediateur() {
        String email = "mediateur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        mediateurs.creerAvecMotDePasse(email, "Médiatrice de Toulon", TOULON, "83", MOT_DE_PASSE);
        return email;
    }

    /** The médiateur signs in and starts a session, keyboard only. */
    void demarrer(Page page, String email) {
        page.navigate(url("/mediateur/connexion"));
        saisirAuClavier(page, page.locator("#email"), email);
        saisirAuClavier(page, page.locator("#motDePasse"), MOT_DE_PASSE);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Espace médiateur");
        activerAuClavier(page, page.locator("#demarrer-session"));
        assertThat(page.locator("h1")).hasText("Session accompagnée");
        assertThat(page.locator("#bandeau-accompagnement")).containsText("Point numérique de la préfecture du Var");
    }

    /** Nothing of the previous person in this browser: no cookie, pages not replayed, FranceConnect asks again. */
    void rienNeReste(BrowserContext contexte, Page page, String trace) {
        List<String> cookies = contexte.cookies().stream().map(c -> c.name).toList();
        assertThat(cookies).doesNotContain("GUICHET_SESSION", "FAUXIDP_SESSION");
        page.goBack();
        assertThat(page.locator("body")).not().containsText(trace);
        page.goBack();
        assertThat(page.locator("body")).not().containsText(trace);
        page.navigate(url("/usager/dossiers"));
        assertThat(page.locator("h1")).hasText("Se connecter");
        page.navigate(url("/oauth2/authorization/franceconnect"));
        assertThat(page.locator("h1")).containsText("Fournisseur d’identité de démonstration");
    }

    @Test
    void unMediateurDeToulonAccompagneUnUsagerSansCourrielJusquauDepot_auClavierSansJavaScript_zoom200_etRienNeReste() {
        String email = mediateur();
        Persona persona = Personas.fc("navigateur-" + UUID.randomUUID(), "Usager sans adresse (test)", "Louise", "SANSCOURRIEL",
                "", "1948-11-05", "female", "83137", "99100", "", Defaut.AUCUN);
        Personas.ajouter(persona);
        String numero;
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            Page page = contexte.newPage();
            page.setViewportSize(640, 800);
            demarrer(page, email);

            activerAuClavier(page, page.locator("#bouton-franceconnect"));
            assertThat(page.locator("h1")).containsText("Fournisseur d’identité de démonstration");
            Locator choix = page.locator("#persona-" + persona.cle());
            for (int i = 0; i < 120 && !(Boolean) choix.evaluate("e => e === document.activeElement"); i++) {
                page.keyboard().press(i == 0 ? "Tab" : "ArrowDown");
            }
            page.keyboard().press("Enter");
            assertThat(page.locator("h1")).hasText("Acceptez-vous d’être aidé ?");
            activerAuClavier(page, page.locator("#accepter-aide"));

            assertThat(page.locator("h1")).containsText("préfecture");
            page.locator("#departement").selectOption("83");
            activerAuClavier(page, page.getByText("Choisir cette préfecture"));
            assertThat(page.locator("#alerte-sans-adresse")).isVisible();
            activerAuClavier(page, page.locator("#alerte-sans-adresse a"));
            assertThat(page.locator("h1")).hasText("Où recevoir mes notifications");
            // A radio group: Tab reaches its first radio, the arrow keys choose.
            tabulerJusqua(page, page.locator("#choix-personne"));
            page.keyboard().press("ArrowDown");
            assertThat(page.locator("#choix-lieu")).isChecked();
            page.locator("#lieu").selectOption(TOULON);
            saisirAuClavier(page, page.locator("#consentement"), " ");
            assertThat(page.locator("#consentement")).isChecked();
            activerAuClavier(page, page.locator("#enregistrer-destinataire"));
            assertThat(page.locator(".fr-alert--success")).containsText("Point numérique de la préfecture du Var");

            // The whole procedure with the keyboard alone, the form included.
            ClavierEtZoomBrowserTest.Clavier clavier = new ClavierEtZoomBrowserTest.Clavier(page);
            clavier.activer("Revenir à mon espace");
            assertThat(page.locator("h1")).hasText("Mon espace");
            clavier.activer("Vidéoprotection");
            clavier.activer("Demande d’autorisation d’un nouveau système");
            clavier.choisir("lieu", "UN_DEPARTEMENT");
            clavier.activer("Commencer le formulaire");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            // Nothing the shared browser could remember: every field of the procedure's form says autocomplete="off".
            assertThat(page.locator("main input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=submit])"
                    + ":not([type=file]):not([autocomplete=off]), main select:not([autocomplete=off]), "
                    + "main textarea:not([autocomplete=off])")).hasCount(0);
            ClavierEtZoomBrowserTest.page1(clavier);
            clavier.activer("Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            ClavierEtZoomBrowserTest.page2(clavier);
            clavier.activer("Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            ClavierEtZoomBrowserTest.page3(clavier);
            clavier.activer("Valider");
            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            clavier.cocher("#certification");
            clavier.activer("Valider définitivement ma demande");
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
            numero = page.locator("#numero-dossier").textContent();
            // The accusé de réception opens through a one-time link.
            page.navigate(url("/usager/dossiers/" + jdbc.sql("select id from dossier where numero = ?").param(numero)
                    .query(Long.class).single()));
            assertThat(page.getByText("Télécharger l’accusé de réception (PDF)"))
                    .hasAttribute("href", Pattern.compile("^/accompagnement/document/[0-9a-f]{32}$"));
            assertThat(jdbc.sql("select d.lieu_nom from dossier_aide d join dossier x on x.id = d.dossier_id where x.numero = ?")
                    .param(numero).query(String.class).single()).isEqualTo("Point numérique de la préfecture du Var");

            activerAuClavier(page, page.locator("#terminer-accompagnement"));
            assertThat(page.locator("h1")).hasText("Session accompagnée terminée");
            rienNeReste(contexte, page, numero);
        }
        // The accusé de réception waits at the place, as a letter the médiateur hands over.
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/mediateur/connexion"));
            page.locator("#email").fill(email);
            page.locator("#motDePasse").fill(MOT_DE_PASSE);
            page.locator("main button[type=submit]").click();
            assertThat(page.locator("#sessions")).containsText("dossier déposé");
            assertThat(page.locator("#sessions")).not().containsText("SANSCOURRIEL");
            assertThat(page.locator("#courriers")).containsText("Accusé de réception de votre demande " + numero);
            Navigateur.verifierAccessibilite(page);
        }
        // The préfecture sees the place, not the médiateur.
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("83", fr.gouv.guichet.agent.RoleAgent.ADMINISTRATEUR);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/agent/connexion"));
            page.locator("#email").fill(agent.email());
            page.locator("#motDePasse").fill(AgentsDeTest.MOT_DE_PASSE);
            page.locator("main button[type=submit]").last().click();
            long id = jdbc.sql("select id from dossier where numero = ?").param(numero).query(Long.class).single();
            page.navigate(url("/agent/dossiers/" + id));
            assertThat(page.locator("#aide-mediation")).hasText("Réalisé avec l’aide de : Point numérique de la préfecture du Var");
            assertThat(page.locator("main")).not().containsText("Médiatrice de Toulon");
        }
    }

    /** Once with the mouse under axe-core; once keyboard only, without JavaScript, at 200 % zoom (640 px wide). */
    @ParameterizedTest(name = "au clavier sans JavaScript à 200 % : {0}")
    @ValueSource(booleans = {false, true})
    void uneSessionSansActiviteSeTermineSeuleEtLeNavigateurSuivantNeVoitRien(boolean auClavierSansJavaScript) {
        String email = mediateur();
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = auClavierSansJavaScript ? navigateur.contexteSansJavaScript() : navigateur.contexte()) {
            Page page = contexte.newPage();
            if (auClavierSansJavaScript) {
                page.setViewportSize(640, 800);
                demarrer(page, email);
                activerAuClavier(page, page.locator("#connexion-mot-de-passe"));
                saisirAuClavier(page, page.locator("#email"), compte.email());
                saisirAuClavier(page, page.locator("#motDePasse"), ComptesDeTest.MOT_DE_PASSE);
                page.keyboard().press("Enter");
                assertThat(page.locator("h1")).hasText("Acceptez-vous d’être aidé ?");
                activerAuClavier(page, page.locator("#accepter-aide"));
                assertThat(page.locator("h1")).hasText("Mon espace");
            } else {
                demarrer(page, email);
                Navigateur.verifierAccessibiliteSaufRafraichissement(page);
                page.locator("#connexion-mot-de-passe").click();
                page.getByLabel("Adresse électronique").fill(compte.email());
                page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(ComptesDeTest.MOT_DE_PASSE);
                page.locator("main form button[type=submit]").first().click();
                assertThat(page.locator("h1")).hasText("Acceptez-vous d’être aidé ?");
                Navigateur.verifierAccessibiliteSaufRafraichissement(page);
                page.locator("#accepter-aide").click();
                assertThat(page.locator("h1")).hasText("Mon espace");
                assertThat(page.locator("header")).containsText("Mon espace");
                Navigateur.verifierAccessibiliteSaufRafraichissement(page);
            }

            // A delay of 8 seconds for this session (10 minutes by default), then nobody touches the browser.
            jdbc.sql("""
                    update session_accompagnee set inactivite_s = 8, derniere_activite = now()
                    where mediateur_id = (select id from mediateur where email = ?)""").param(email).update();
            page.navigate(url("/usager/dossiers"));
            assertThat(page.locator("h1")).hasText("Mes dossiers");
            assertThat(page.locator("meta[http-equiv=refresh]")).hasAttribute("content", Pattern.compile("^8; url=/accompagnement/fin$"));
            page.waitForURL(Pattern.compile(".*/accompagnement/terminee\\?motif=INACTIVITE$"),
                    new Page.WaitForURLOptions().setTimeout(20_000));
            assertThat(page.locator("#motif-fin")).containsText("sans activité");
            if (!auClavierSansJavaScript) {
                Navigateur.verifierAccessibilite(page);
            }
            assertThat(jdbc.sql("select motif_fin from session_accompagnee where mediateur_id = (select id from mediateur where email = ?)")
                    .param(email).query(String.class).single()).isEqualTo("INACTIVITE");
            rienNeReste(contexte, page, compte.email());
        }
    }
}
