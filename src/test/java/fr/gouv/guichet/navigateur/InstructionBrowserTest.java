package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides of the counter in Chromium: an agent takes a dossier from deposit to authorization with a request for
 * documents answered by the usager; a refusal; the public verification of the arrêté. Every page axe-checked.
 */
@TestGuichet
class InstructionBrowserTest {

    static Navigateur navigateur;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Agents agentsService;

    @BeforeAll
    static void lancer() {
        navigateur = new Navigateur();
    }

    @AfterAll
    static void fermer() {
        navigateur.close();
    }

    String url(String chemin) {
        return "http://localhost:" + port + chemin;
    }

    Page agent(BrowserContext contexte, AgentsDeTest.Agent agent) {
        Page page = contexte.newPage();
        page.navigate(url("/agent/connexion"));
        verifierAccessibilite(page);
        page.getByLabel("Adresse électronique professionnelle").fill(agent.email());
        page.getByLabel("Mot de passe").fill(AgentsDeTest.MOT_DE_PASSE);
        page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click();
        return page;
    }

    Page usager(BrowserContext contexte, ComptesDeTest.Compte compte) {
        Page page = contexte.newPage();
        page.navigate(url("/connexion"));
        page.getByLabel("Adresse électronique").fill(compte.email());
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(ComptesDeTest.MOT_DE_PASSE);
        page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click();
        return page;
    }

    long depose(ComptesDeTest.Compte compte) {
        long id = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, compte.id(), UUID.randomUUID(), "VP");
        return id;
    }

    static void action(Page page, String transition) {
        page.locator("#action-" + transition + " button[type=submit]").click();
    }

    @Test
    void agent_deLaFileALArrete_avecDemandeDePiecesRepondueParLUsager_puisVerificationPublique() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = depose(compte);
        String numero = jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
        AgentsDeTest.Agent instructeur = new AgentsDeTest(agentsService).agent("83", RoleAgent.ADMINISTRATEUR);

        try (BrowserContext cote_agent = navigateur.contexte(); BrowserContext cote_usager = navigateur.contexte()) {
            Page a = agent(cote_agent, instructeur);
            assertThat(a.locator("h1")).containsText("Dossiers — Préfecture du Var");
            verifierAccessibilite(a);
            a.locator("#q").fill(numero);
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(numero)).click();
            assertThat(a.locator("#etat-dossier")).hasText("Déposé");
            verifierAccessibilite(a);

            action(a, "PRENDRE_EN_CHARGE");
            assertThat(a.locator("#etat-dossier")).hasText("En instruction");
            a.locator("#action-DEMANDER_PIECES label").first().click();
            a.locator("#motif-DEMANDER_PIECES").fill("Photos des caméras extérieures");
            action(a, "DEMANDER_PIECES");
            assertThat(a.locator("#etat-dossier")).hasText("En attente de pièces");
            verifierAccessibilite(a);

            Page u = usager(cote_usager, compte);
            // Signed in again, the usager sees first the dossier that waits for them.
            assertThat(u.locator("#a-reprendre")).containsText(numero);
            assertThat(u.locator("#a-reprendre")).containsText("À compléter");
            u.navigate(url("/usager/dossiers/" + id));
            assertThat(u.locator("#demande-pieces")).containsText("Photos des caméras extérieures");
            verifierAccessibilite(u);
            java.nio.file.Path fichier = Files.createTempFile("photos", ".pdf");
            Files.writeString(fichier, "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
            u.locator("#fichier").setInputFiles(fichier);
            u.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Joindre ce document")).click();
            assertThat(u.locator(".fr-alert--success")).containsText("est joint à votre dossier");
            u.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J’ai transmis les pièces demandées")).click();
            assertThat(u.locator("#statut-dossier")).hasText("En cours d’instruction");

            // The agent sees that the usager sent something: in the queue (filter "nouveaux éléments") and on the dashboard.
            a.navigate(url("/agent/prefectures/83/file?onglet=EN_INSTRUCTION"));
            a.getByLabel("Nouveaux éléments").selectOption("oui");
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
            assertThat(a.locator("#file-dossiers tr").filter(new Locator.FilterOptions().setHasText(numero)))
                    .containsText("Nouveaux éléments de l’usager");
            verifierAccessibilite(a);
            a.navigate(url("/agent/prefectures/83/tableau-de-bord"));
            assertThat(a.locator("#nouveaux-elements")).containsText(numero);
            a.navigate(url("/agent/dossiers/" + id));
            assertThat(a.locator("#etat-dossier")).hasText("En instruction");
            a.navigate(url("/agent/prefectures/83/tableau-de-bord"));
            assertThat(a.locator("#nouveaux-elements li").filter(new Locator.FilterOptions().setHasText(numero))).hasCount(0);
            a.navigate(url("/agent/dossiers/" + id));
            assertThat(a.locator("#documents")).isVisible();
            a.locator("#note").fill("Vérifier le champ de vision de la caméra 2");
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la note")).click();
            jdbc.sql("insert into seance_commission (code_departement, debut, lieu) values ('83', now() + interval '10 days', 'Préfecture, salle Vauban')").update();
            a.reload();
            a.locator("#action-INSCRIRE_COMMISSION button").first().click();
            assertThat(a.locator("main")).containsText(numero);
            verifierAccessibilite(a);
            a.navigate(url("/agent/dossiers/" + id));
            assertThat(a.locator("#etat-dossier")).hasText("En attente de l’avis de la commission");
            // No arrêté before the commission's avis (issue 11, point 1): the action says why.
            assertThat(a.locator("#visa-avis-absent")).isVisible();
            action(a, "AUTORISER");
            assertThat(a.locator("main")).containsText("n’a pas encore rendu son avis");
            assertThat(a.locator("#etat-dossier")).hasText("En attente de l’avis de la commission");
            // The session is held: the secretariat records the avis on the session's page.
            long seance = jdbc.sql("select seance_id from inscription_seance where dossier_id = ? and courante").param(id).query(Long.class).single();
            jdbc.sql("update seance_commission set debut = now() - interval '1 minute' where id = ?").param(seance).update();
            a.navigate(url("/agent/prefectures/83/commission/seances/" + seance));
            a.locator("label[for=avis-" + id + "-FAVORABLE]").click();
            a.locator("#avis-dossier-" + id + " button[type=submit]").first().click();
            assertThat(a.locator(".fr-alert--success")).containsText("Avis favorable enregistré");
            a.navigate(url("/agent/dossiers/" + id));
            assertThat(a.locator("#visa-avis")).containsText("Vu l’avis favorable émis par la commission");
            action(a, "AUTORISER");
            assertThat(a.locator("#apercu-decision")).containsText("Vu l’avis favorable émis par la commission");
            assertThat(a.locator("h1")).hasText("Vérifiez la décision avant de l’émettre");
            verifierAccessibilite(a);
            a.locator("#confirmation-decision button[type=submit]").click();
            assertThat(a.locator("#etat-dossier")).hasText("Autorisé");
            verifierAccessibilite(a);

            u.reload();
            assertThat(u.locator("#statut-dossier")).hasText("Terminé : autorisé");
            assertThat(u.locator("main")).not().containsText("Vérifier le champ de vision");
            Download telechargement = u.waitForDownload(() -> u.locator("a", new Page.LocatorOptions().setHasText("arrete-")).click());
            byte[] arrete = Files.readAllBytes(telechargement.path());
            assertThat(new String(arrete, 0, 5)).isEqualTo("%PDF-");
            verifierAccessibilite(u);
        }
        String code = jdbc.sql("select code from document_emis where dossier_id = ? and type = 'ARRETE'").param(id).query(String.class).single();
        try (BrowserContext public_ = navigateur.contexte()) {
            Page p = public_.newPage();
            p.navigate(url("/verifier/" + code));
            assertThat(p.locator("#resultat-verification")).containsText("Arrêté préfectoral d’autorisation");
            assertThat(p.locator("#resultat-verification")).containsText(numero);
            verifierAccessibilite(p);
            p.navigate(url("/verifier/AAAA-BBBB-CCCC"));
            assertThat(p.locator("#resultat-verification")).containsText("Aucun document ne correspond");
            p.navigate(url("/prefectures/83/autorisations"));
            assertThat(p.locator("main")).containsText("Boulangerie du Port");
            verifierAccessibilite(p);
        }
    }

    @Test
    void agent_refuseAvecMotivation_registreEtTableauDeBordAccessibles() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = depose(compte);
        AgentsDeTest.Agent instructeur = new AgentsDeTest(agentsService).agent("83", RoleAgent.ADMINISTRATEUR);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page a = agent(contexte, instructeur);
            a.navigate(url("/agent/dossiers/" + id));
            // The usager's answers are one click away from the top of the page.
            a.locator(".fr-summary").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Demande de l’usager (réponses au CERFA)")).click();
            assertThat(a.locator("#demande")).isInViewport();
            action(a, "PRENDRE_EN_CHARGE");
            action(a, "REFUSER");
            assertThat(a.locator("#resume-erreurs")).containsText("Motivez le refus");
            a.locator("#motif-REFUSER").fill("Le système filme la voie publique alors que le demandeur est une personne privée.");
            action(a, "REFUSER");
            assertThat(a.locator("#resume-erreurs")).containsText("fondement juridique");
            a.locator("#motif-REFUSER").fill("Le système filme la voie publique alors que le demandeur est une personne privée.");
            a.locator("#action-REFUSER label", new Page.LocatorOptions().setHasText("Voie publique filmée")).click();
            action(a, "REFUSER");
            // Issue 11, point 7: the letter is shown before it is issued.
            assertThat(a.locator("#apercu-decision")).containsText("article L251-2");
            verifierAccessibilite(a);
            a.locator("#confirmation-decision button[type=submit]").click();
            assertThat(a.locator("#etat-dossier")).hasText("Refusé");
            assertThat(a.locator("#documents")).isVisible();
            assertThat(a.locator("main")).containsText("refus-");
            for (String page : new String[]{"/agent/prefectures/83/registre", "/agent/prefectures/83/tableau-de-bord",
                    "/agent/prefectures/83/agents", "/agent/prefectures/83/file?onglet=DECIDES"}) {
                a.navigate(url(page));
                verifierAccessibilite(a);
            }
            // An agent who opens the usager's space is told why, not that a form expired.
            a.navigate(url("/usager"));
            assertThat(a.locator("#raison-refus")).containsText("Vous êtes connecté en tant qu’agent de préfecture");
            assertThat(a.locator("main")).not().containsText("n’est plus valable");
            verifierAccessibilite(a);
        }
    }

    /** Issue 16, point 2: the help entry of every page, keyboard only, up to the service that instructs the dossier. */
    @Test
    void besoinDAide_auClavier_depuisLeDossier_jusquAuServiceQuiLInstruit_etSurUnePageDErreur() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = depose(compte);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page u = usager(contexte, compte);
            u.navigate(url("/usager/dossiers/" + id));
            Locator entree = u.locator("#besoin-aide");
            for (int i = 0; i < 200 && !(Boolean) entree.evaluate("e => e === document.activeElement"); i++) {
                u.keyboard().press("Tab");
            }
            u.keyboard().press("Enter");
            assertThat(u.locator("h1")).hasText("J’ai besoin d’aide");
            assertThat(u.locator("#coordonnees-service")).containsText("Bureau de la vidéoprotection");
            assertThat(u.locator("#faq-videoprotection")).isVisible();
            assertThat(u.locator("#lieux-proches")).containsText("Toulon");
            assertThat(u.locator("#paiement-bloque")).isVisible();
            verifierAccessibilite(u);
            u.locator("#ecrire-service").click();
            assertThat(u.locator("#messages")).isVisible();

            u.navigate(url("/cette-page-n-existe-pas"));
            assertThat(u.locator("#besoin-aide")).isVisible();
            u.locator("#besoin-aide").click();
            assertThat(u.locator("h1")).hasText("J’ai besoin d’aide");
            verifierAccessibilite(u);
        }
        // Without JavaScript, on a narrow screen (320 px): the entry at the bottom of the page is still there.
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page p = sansJs.newPage();
            p.setViewportSize(320, 640);
            p.navigate(url("/connexion"));
            p.locator("#besoin-aide").click();
            assertThat(p.locator("#usage-page + p")).containsText("Cette page sert à vous connecter");
            assertThat(p.locator("#compte-verrouille")).isVisible();
        }
    }

    /** Issue 19, point 2: the agent asks for the daily digest, and can stop it. */
    @Test
    void recapitulatifQuotidien_demandePuisArreteParLAgent() {
        AgentsDeTest.Agent instructeur = new AgentsDeTest(agentsService).agent("83", RoleAgent.INSTRUCTEUR);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page a = agent(contexte, instructeur);
            a.navigate(url("/agent/prefectures/83/tableau-de-bord"));
            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recevoir chaque matin un récapitulatif de ces nouveaux éléments par courriel")).click();
            assertThat(a.locator("#etat-recapitulatif")).hasText("Vous ne recevez pas ce récapitulatif.");
            verifierAccessibilite(a);
            a.locator("label[for=recevoir]").click();
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon choix")).click();
            assertThat(a.locator("#etat-recapitulatif")).containsText("Vous recevez actuellement ce récapitulatif");
            assertThat(a.locator(".fr-alert--success")).containsText("C’est noté");
            verifierAccessibilite(a);
            a.locator("label[for=recevoir]").click();
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer mon choix")).click();
            assertThat(a.locator("#etat-recapitulatif")).hasText("Vous ne recevez pas ce récapitulatif.");
        }
    }

    /** Issue 16, point 5: the usager's summary before filing and their dossier print on A4, without navigation nor buttons. */
    @Test
    void impressionA4_recapitulatifEtDossier_sansNavigationNiBoutons() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long depose = depose(compte);
        long brouillon = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(), null, null);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page u = usager(contexte, compte);
            for (String chemin : new String[]{"/usager/dossiers/" + brouillon + "/validation", "/usager/dossiers/" + depose}) {
                u.navigate(url(chemin));
                u.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
                assertThat(u.locator("header.fr-header")).isHidden();
                assertThat(u.locator("footer.fr-footer")).isHidden();
                assertThat(u.locator("#besoin-aide")).isHidden();
                assertThat(u.locator("main button[type=submit]").first()).isHidden();
                assertThat(u.locator("h1")).isVisible();
                byte[] pdf = u.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
                try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                    var format = document.getPage(0).getMediaBox();
                    // A4: 210 × 297 mm, i.e. 595 × 842 points.
                    assertThat(format.getWidth()).as(chemin).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
                    assertThat(format.getHeight()).as(chemin).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
                    String texte = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                    assertThat(texte).as(chemin).contains("Boulangerie du Port")
                            .doesNotContain("Se déconnecter").doesNotContain("besoin d’aide").doesNotContain("Mentions légales");
                }
                u.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
            }
        }
    }
}
