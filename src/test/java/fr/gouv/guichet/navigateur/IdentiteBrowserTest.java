package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.PreDemandesDeTest;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;

/**
 * Issue 14 in the browser: a passport pré-demande for a minor validated, the earliest slot booked, moved to
 * another town hall, cancelled, booked again — without JavaScript, then the same pages with JavaScript under
 * axe-core —; and the town hall agent's day: the appointment, the pré-demande found by number, taken, title
 * available, handed over. Every HTML page goes to the Nu HTML Checker.
 */
@TestGuichet
class IdentiteBrowserTest {

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
    PreDemandes preDemandes;
    @Autowired
    Mairies mairies;
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

    private void connecter(Page page, String email) {
        page.navigate(url("/connexion"));
        page.locator("#email").fill(email);
        page.locator("#motDePasse").fill(ComptesDeTest.MOT_DE_PASSE);
        page.locator("#motDePasse").press("Enter");
    }

    @Test
    void preDemandePourUnMineur_reserverDeplacerAnnuler_sansPuisAvecJavaScript() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(compte.id(), "83", PreDemande.DEMARCHE, PreDemande.FORMULAIRE, "1",
                PreDemandesDeTest.reponsesMineur(), null, null);
        String recapitulatif;
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = sansJs.newPage();
            connecter(page, compte.email());
            page.navigate(url("/usager/dossiers/" + id + "/validation"));
            // The passport of a 12-year-old: a 17 € timbre, typed online and reserved for the pré-demande.
            assertThat(page.locator("h1")).hasText("Timbre fiscal");
            assertThat(page.locator("#timbres-dus")).containsText("17,00");
            page.locator("#timbre_IDENTITE_PASSEPORT_MOINS_15").fill(PreDemandesDeTest.timbre("8686"));
            page.locator("#reserver-timbre").click();
            assertThat(page.locator("#resume-erreurs")).containsText("ne correspond pas");
            page.locator("#timbre_IDENTITE_PASSEPORT_MOINS_15").fill(PreDemandesDeTest.timbre("1717"));
            page.locator("#reserver-timbre").click();
            page.locator("label[for=certification]").click();
            page.getByText("Valider définitivement ma demande").click();
            assertThat(page.locator("h1")).hasText("Récapitulatif de votre pré-demande");
            String numero = page.locator("#numero-pre-demande").textContent();
            org.assertj.core.api.Assertions.assertThat(numero).matches("[A-Z0-9]{10}");
            assertThat(page.locator("#pieces")).containsText("représentant légal");
            assertThat(page.locator("#pieces")).containsText("17,00");
            recapitulatif = page.url();

            page.getByText("Prendre rendez-vous", new Page.GetByTextOptions().setExact(true)).click();
            page.locator("#lieu").fill("Toulon");
            page.getByText("Rechercher", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#resultats")).containsText("Mairie de Toulon");
            page.locator(".resultat-mairie .creneau").first().click();
            assertThat(page.locator("h1")).hasText("Confirmer le rendez-vous");
            assertThat(page.locator("#numero")).hasValue(numero);
            page.getByText("Réserver ce créneau").click();
            assertThat(page.locator("h1")).hasText("Mon rendez-vous en mairie");
            assertThat(page.locator("#statut")).hasText("À venir");

            // Move: another town hall's slot is refused with a way to move the first appointment.
            page.getByText("Déplacer", new Page.GetByTextOptions().setExact(true)).click();
            page.locator("#lieu").fill("La Seyne-sur-Mer");
            page.getByText("Rechercher", new Page.GetByTextOptions().setExact(true)).click();
            page.locator(".resultat-mairie").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Mairie de La Seyne-sur-Mer"))
                    .locator(".creneau").first().click();
            page.getByText("Réserver ce créneau").click();
            assertThat(page.locator("#deja-reserve")).containsText("Cette pré-demande a déjà un rendez-vous");
            page.getByText("Déplacer mon rendez-vous sur ce créneau").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Rendez-vous déplacé");
            assertThat(page.locator("main")).containsText("Mairie de La Seyne-sur-Mer");

            page.getByText("Annuler le rendez-vous").click();
            assertThat(page.locator("#statut")).hasText("Annulé");
        }
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecter(page, compte.email());
            long autre = dossiers.creerBrouillon(compte.id(), "83", PreDemande.DEMARCHE, PreDemande.FORMULAIRE, "1",
                    PreDemandesDeTest.reponsesMajeur(), null, null);
            for (String chemin : new String[]{recapitulatif, url("/usager/identite"), url("/rendez-vous-titres?lieu=Hy%C3%A8res&rayon=50"),
                    url("/rendez-vous-titres/delais?departement=83"), url("/usager/identite/dossiers/" + autre + "/timbres")}) {
                page.navigate(chemin);
                verifierAccessibilite(page);
            }
            // A pré-demande past its year of validity: its summary says so (read from the date, before the task runs).
            PreDemande expiree = new PreDemandesDeTest(dossiers, preDemandes, mairies).deposer(compte.id(), PreDemandesDeTest.reponsesMajeur());
            jdbc.sql("update identite_pre_demande set valide_jusquau = (now() at time zone 'Europe/Paris')::date - 1 where numero = ?")
                    .param(expiree.numero().valeur()).update();
            page.navigate(url("/usager/identite/dossiers/" + expiree.dossierId()));
            assertThat(page.locator("#pre-demande-expiree")).containsText("Pré-demande expirée");
            verifierAccessibilite(page);
            page.navigate(url("/rendez-vous-titres?lieu=Hy%C3%A8res"));
            page.locator(".resultat-mairie .creneau").first().click();
            verifierAccessibilite(page);
            page.getByText("Réserver ce créneau").click();
            assertThat(page.locator("#statut")).hasText("À venir");
            verifierAccessibilite(page);
        }
    }

    @Test
    void laJourneeDeLAgentDeMairie() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        PreDemande pd = new PreDemandesDeTest(dossiers, preDemandes, mairies).deposer(compte.id(), PreDemandesDeTest.reponsesMajeur());
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("mairie-83069", RoleAgent.INSTRUCTEUR);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/agent/connexion"));
            page.locator("#email").fill(agent.email());
            page.locator("#motDePasse").fill(AgentsDeTest.MOT_DE_PASSE);
            page.locator("#motDePasse").press("Enter");
            assertThat(page.locator("h1")).hasText("Guichet des titres — Mairie de Hyères");
            verifierAccessibilite(page);
            page.locator("#numero").fill(pd.numero().valeur().toLowerCase());
            page.getByText("Rechercher", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("main")).containsText("MARTIN");
            verifierAccessibilite(page);
            // The adult's 86 € timbre is brought to the counter: the agent types it, it is consumed with the taking.
            page.locator("#timbre_IDENTITE_PASSEPORT_MAJEUR").fill(PreDemandesDeTest.timbre("8686"));
            page.locator("#recueillir").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Demande recueillie");
            assertThat(page.locator("#etat-recueil")).containsText("Demande recueillie dans votre mairie");
            verifierAccessibilite(page);
            page.locator("#disponible").click();
            assertThat(page.locator(".fr-alert--success")).containsText("l’usager est prévenu");
            page.locator("#remis").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Titre remis");
            page.navigate(url("/agent/mairies/mairie-83069"));
            verifierAccessibilite(page);
        }
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = sansJs.newPage();
            page.navigate(url("/agent/connexion"));
            page.locator("#email").fill(agent.email());
            page.locator("#motDePasse").fill(AgentsDeTest.MOT_DE_PASSE);
            page.locator("#motDePasse").press("Enter");
            page.locator("#numero").fill(pd.numero().valeur());
            page.getByText("Rechercher", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("main")).containsText("Titre remis.");
        }
    }
}
