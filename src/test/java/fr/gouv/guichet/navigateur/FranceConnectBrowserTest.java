package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.fauxidp.Persona;
import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Personas;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;

/**
 * FranceConnect and ProConnect in Chromium against the demonstration provider: sign-up and sign-in again, logout
 * through the provider (without JavaScript, CSP enforced), a provider error, the link to an existing account, the
 * failed takeover by e-mail, an agent's ProConnect sign-in and an unknown agent; axe-core on every page.
 */
@TestGuichet
class FranceConnectBrowserTest {

    static Navigateur navigateur;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
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

    private static Persona persona(String email) {
        Persona persona = Personas.fc("nav-" + UUID.randomUUID(), "Alix TESTEUR (navigateur)", "Alix", "TESTEUR", "",
                "1985-07-14", "female", "13055", "99100", email, Defaut.AUCUN);
        Personas.ajouter(persona);
        return persona;
    }

    private static String emailUnique() {
        return "fc-nav-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    /** On the demonstration provider's page: pick the persona and sign in. */
    private static void choisir(Page page, String cle, boolean axe) {
        assertThat(page.locator("h1")).containsText("Fournisseur d’identité de démonstration");
        if (axe) {
            verifierAccessibilite(page);
        }
        page.locator("label[for=\"persona-" + cle + "\"]").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter avec cette identité")).click();
    }

    @Test
    void inscriptionAvecFranceConnectSansJavaScript_reconnexion_deconnexionParLeFournisseur() {
        Persona persona = persona(emailUnique());
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            Page page = contexte.newPage();
            page.navigate(url("/inscription"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec FranceConnect")).click();
            choisir(page, persona.cle(), false);
            assertThat(page.locator("h1")).hasText("Choisir la préfecture");
            page.navigate(url("/compte"));
            assertThat(page.locator("#franceconnect")).hasText("Identité FranceConnect");
            assertThat(page.locator("dl")).containsText("14/07/1985");
            // The birthplace in words (COG), not its INSEE code.
            assertThat(page.locator("#lieu-naissance")).hasText("Marseille (13)");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
            assertThat(page.locator(".fr-alert--success")).containsText("Vous êtes déconnecté de Guichet et de FranceConnect");
            page.navigate(url("/usager"));
            assertThat(page.locator("h1")).hasText("Se connecter");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec FranceConnect")).click();
            choisir(page, persona.cle(), false);
            page.navigate(url("/compte"));
            assertThat(page.locator("main")).containsText(persona.email());
        }
    }

    @Test
    void pagesDeConnexion_bouton_annulationChezLeFournisseur_pageDErreur() {
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/connexion"));
            verifierAccessibilite(page);
            assertThat(page.locator(".fr-connect-group + .fr-hr-or")).hasText("ou");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Qu’est-ce que FranceConnect ?")))
                    .hasAttribute("target", "_blank");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec FranceConnect")).click();
            assertThat(page.locator("h1")).containsText("FranceConnect (factice)");
            verifierAccessibilite(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annuler et revenir au service")).click();
            // Cancelled: said plainly on the sign-in page, no red failure, no raw code.
            assertThat(page.locator("h1")).hasText("Se connecter");
            assertThat(page.locator(".fr-alert--info")).containsText("Vous avez annulé la connexion avec FranceConnect");
            assertThat(page.locator("main")).not().containsText("access_denied");
            assertThat(page.locator(".fr-alert--error")).hasCount(0);
            verifierAccessibilite(page);

            // A replayed or expired return: no raw code either.
            page.navigate(url("/connexion/oidc/franceconnect?code=rejoue&state=perime"));
            assertThat(page.locator("h1")).hasText("Se connecter");
            assertThat(page.locator(".fr-alert--info")).containsText("n’est plus valable");
            assertThat(page.locator("main")).not().containsText("authorization_request_not_found");

            page.navigate(url("/inscription"));
            verifierAccessibilite(page);
        }
    }

    @Test
    void rattachementDeLIdentiteAUnCompteExistantParSonMotDePasse() {
        ComptesDeTest.Compte local = new ComptesDeTest(jdbc, encodeur).usager("83");
        Persona persona = persona(local.email());
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/connexion"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec FranceConnect")).click();
            choisir(page, persona.cle(), true);
            assertThat(page.locator("h1")).hasText("Relier votre identité FranceConnect à votre compte");
            verifierAccessibilite(page);
            page.getByLabel("Mot de passe du compte Guichet").fill("pas le bon mot de passe");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Relier mon compte")).click();
            assertThat(page.locator("#motDePasse-erreur")).containsText("Le mot de passe est incorrect");
            assertThat(page.getByLabel("Mot de passe du compte Guichet")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#resume-erreurs")).isFocused();
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Erreur : "));
            verifierAccessibilite(page);
            page.getByLabel("Mot de passe du compte Guichet").fill(ComptesDeTest.MOT_DE_PASSE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Relier mon compte")).click();
            assertThat(page.locator(".fr-alert--success")).containsText("Votre identité FranceConnect est maintenant reliée");
            page.navigate(url("/compte"));
            assertThat(page.locator("#franceconnect")).isVisible();
            verifierAccessibilite(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer le lien avec FranceConnect")).click();
            assertThat(page.locator(".fr-alert--success")).containsText("Le lien avec FranceConnect est supprimé");
        }
    }

    @Test
    void uneIdentiteALAdresseDUnCompteExistantNEntrePasDansCeCompte() {
        ComptesDeTest.Compte victime = new ComptesDeTest(jdbc, encodeur).usager("83");
        Persona persona = persona(victime.email());
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/connexion"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec FranceConnect")).click();
            choisir(page, persona.cle(), false);
            assertThat(page.locator("h1")).hasText("Relier votre identité FranceConnect à votre compte");
            page.navigate(url("/compte"));
            assertThat(page.locator("h1")).hasText("Se connecter");
            page.navigate(url("/usager/dossiers"));
            assertThat(page.locator("h1")).hasText("Se connecter");
            page.navigate(url("/connexion/franceconnect/rattachement"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ne pas relier et revenir à la connexion")).click();
            assertThat(page.locator(".fr-alert--info")).containsText("n’a été reliée à aucun compte");
            verifierAccessibilite(page);
            // The FranceConnect session is closed too: the next person at this browser chooses again.
            page.navigate(url("/connexion"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec FranceConnect")).click();
            assertThat(page.locator("h1")).containsText("Fournisseur d’identité de démonstration");
        }
    }

    @Test
    void unAgentSeConnecteAvecProConnect_unAgentInconnuEstRefuse() {
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("83", RoleAgent.ADMINISTRATEUR);
        String cle = "nav-agent-" + UUID.randomUUID();
        Personas.ajouter(Personas.agent(cle, "Agent du Var (navigateur)", agent.email(), List.of("pwd", "totp", "mfa")));
        String inconnu = "nav-inconnu-" + UUID.randomUUID();
        Personas.ajouter(Personas.agent(inconnu, "Agent inconnu (navigateur)", inconnu + "@ministere.gouv.fr", List.of("pwd")));
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/agent/connexion"));
            verifierAccessibilite(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec ProConnect")).click();
            assertThat(page.locator("h1")).containsText("ProConnect (factice)");
            choisir(page, inconnu, true);
            assertThat(page.locator("#erreur-proconnect")).containsText("n’est celle d’aucun agent en activité");
            verifierAccessibilite(page);

            // Refused, the ProConnect session was closed too: the agent can choose another account.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("S’identifier avec ProConnect")).click();
            choisir(page, cle, false);
            page.navigate(url("/agent/prefectures/83/agents"));
            assertThat(page.locator("main")).containsText("(méthodes pwd, totp, mfa)");
            verifierAccessibilite(page);
        }
    }
}
