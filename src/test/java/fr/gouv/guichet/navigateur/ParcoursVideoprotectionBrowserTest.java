package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;
import static org.assertj.core.api.Assertions.assertThat;

/** The videoprotection usager journeys in Chromium, every page checked with axe-core. */
@TestGuichet
class ParcoursVideoprotectionBrowserTest extends ParcoursDossierNavigateur {

    /** DSFR radios and checkboxes are drawn by their label: click it, as a person would. */
    static void cocher(Page page, String selecteur) {
        String id = page.locator(selecteur).getAttribute("id");
        page.locator("label[for='" + id + "']").click();
    }

    static void bouton(Page page, String nom) {
        page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(nom).setExact(true)).click();
    }

    static void remplirPage1(Page page) {
        cocher(page, "input[name=qualite][value=commercant]");
        page.locator("#champ-nom_naissance").fill("Martin");
        page.locator("#champ-prenom").fill("Claire");
        page.locator("#champ-denomination").fill("Boulangerie du Port");
        page.locator("#champ-siret").fill("732 829 320 00074");
        page.locator("#champ-activite").fill("Boulangerie-pâtisserie");
        page.locator("#champ-declarant_voie").fill("12 quai Cronstadt");
        page.locator("#champ-declarant_code_postal").fill("83000");
        page.locator("#champ-declarant_commune").fill("Toulon");
        page.locator("#champ-declarant_telephone").fill("04 94 00 00 00");
        page.locator("#champ-contact_images_nom").fill("Claire Martin, gérante");
        page.locator("#champ-contact_images_telephone").fill("06 12 34 56 78");
    }

    static void remplirPage2(Page page) {
        cocher(page, "input[name=finalites][value=prevention_atteintes_biens]");
        page.locator("#champ-horaires_ouverture").fill("Du mardi au dimanche, de 6 h 30 à 19 h 30");
        cocher(page, "input[name=etablissement_recevant_public][value=oui]");
        page.locator("#champ-systeme_voie").fill("12 quai Cronstadt");
        page.locator("#champ-systeme_code_postal").fill("83000");
        page.locator("#champ-systeme_commune").fill("Toulon");
        page.locator("#champ-cameras_interieures").fill("3");
        page.locator("#champ-cameras_exterieures").fill("1");
        cocher(page, "input[name=abords_immediats][value=non]");
        cocher(page, "input[name=perimetre_videoprotege][value=non]");
    }

    static void remplirPage3(Page page) {
        cocher(page, "input[name=transmission][value=non]");
        cocher(page, "input[name=installateur_certifie][value=non]");
        page.locator("#champ-installateur_nom").fill("Sécurité Provence SARL");
        page.locator("#champ-personnes_habilitees").fill("La gérante et son adjoint");
        cocher(page, "input[name=enregistrement][value=oui]");
        page.locator("#champ-duree_conservation").fill("15");
        page.locator("#champ-mesures_securite").fill("Enregistreur dans un local fermé à clé, accès par mot de passe");
        page.locator("#champ-information_public").fill("Affiche à l’entrée du magasin");
        page.locator("#champ-droit_acces_service").fill("La gérante");
        page.locator("#champ-droit_acces_telephone").fill("04 94 00 00 00");
        page.locator("#champ-date_mise_en_service").fill(LocalDate.now().plusMonths(2).toString());
        cocher(page, "input[name=engagement][value=certifie]");
    }

    @Test
    void nouvelleDemande_troisPages_validation_numeroEtDossier() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vidéoprotection")).click();
            assertThat(page.locator("h1")).hasText("Vidéoprotection : choisir la démarche");
            verifierAccessibilite(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demande d’autorisation d’un nouveau système")).click();
            verifierAccessibilite(page);
            cocher(page, "#lieu-un");
            bouton(page, "Commencer le formulaire");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            verifierAccessibilite(page);
            bouton(page, "Page suivante");
            assertThat(page.locator("#resume-erreurs")).isVisible();
            assertThat(page.locator("#champ-prenom-erreur")).isVisible();
            verifierAccessibilite(page);
            remplirPage1(page);
            bouton(page, "Page suivante");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            verifierAccessibilite(page);
            remplirPage2(page);
            bouton(page, "Page précédente");
            assertThat(page.locator("#champ-prenom")).hasValue("Claire");
            bouton(page, "Page suivante");
            assertThat(page.locator("#champ-cameras_interieures")).hasValue("3");
            bouton(page, "Page suivante");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            remplirPage3(page);
            page.locator("#champ-duree_conservation").fill("45");
            bouton(page, "Valider");
            assertThat(page.locator("#champ-duree_conservation-erreur")).containsText("ne peut dépasser 30 jours (article L252-5");
            verifierAccessibilite(page);
            page.locator("#champ-duree_conservation").fill("15");
            bouton(page, "Valider");

            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            assertThat(page.locator("main")).containsText("Boulangerie du Port");
            verifierAccessibilite(page);
            bouton(page, "Valider définitivement ma demande");
            assertThat(page.locator("#certification-erreur")).isVisible();
            cocher(page, "#certification");
            bouton(page, "Valider définitivement ma demande");

            assertThat(page.locator("#numero-dossier")).hasText(java.util.regex.Pattern.compile("VP-083-\\d{4}-\\d{6}-[A-Z]"));
            assertThat(page.locator("#statut-dossier")).hasText("Transmis à la préfecture");
            verifierAccessibilite(page);
            String numero = page.locator("#numero-dossier").textContent();
            assertThat(jdbc.sql("select etat from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo("DEPOSE");

            // Locked for good: the form pages lead back to the dossier.
            long id = jdbc.sql("select id from dossier where numero = ?").param(numero).query(Long.class).single();
            page.navigate(url("/usager/dossiers/" + id + "/pages/1"));
            assertThat(page.locator("#numero-dossier")).hasText(numero);

            page.navigate(url("/usager/dossiers"));
            assertThat(page.locator("main")).containsText(numero);
            verifierAccessibilite(page);
        }
    }

    @Test
    void brouillonConserve_reprisAilleurs_puisQuitterSansEnregistrer() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id;
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/videoprotection/nouveau?demarche=AUTORISATION"));
            cocher(page, "#lieu-un");
            bouton(page, "Commencer le formulaire");
            remplirPage1(page);
            bouton(page, "Conserver sans transmettre");
            assertThat(page.locator("h1")).hasText("Mes dossiers");
            assertThat(page.locator(".fr-alert--success")).containsText("brouillon est enregistré");
            verifierAccessibilite(page);
            id = jdbc.sql("select id from dossier where usager_id = ?").param(compte.id()).query(Long.class).single();
        }
        // Another device (a fresh browser profile): the draft is there, quitting drops what was typed since.
        try (BrowserContext autre = navigateur.contexteSansJavaScript()) {
            Page page = autre.newPage();
            page.navigate(url("/connexion"));
            page.getByLabel("Adresse électronique").fill(compte.email());
            page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(ComptesDeTest.MOT_DE_PASSE);
            page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click();
            // Back after signing in: "Mon espace" shows the draft first, and "Mes dossiers" is in the header and the menu.
            assertThat(page.locator("h1")).hasText("Mon espace");
            assertThat(page.locator("#a-reprendre").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(java.util.regex.Pattern.compile("brouillon du")))).hasCount(1);
            assertThat(page.locator("#navigation").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mes dossiers"))).hasCount(1);
            page.locator(".fr-header__tools").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mes dossiers")).click();
            assertThat(page.locator("h1")).hasText("Mes dossiers");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Reprendre"))).click();
            assertThat(page.locator("#champ-denomination")).hasValue("Boulangerie du Port");
            page.locator("#champ-denomination").fill("Nom tapé puis abandonné");
            bouton(page, "Quitter");
            assertThat(page.locator("h1")).hasText("Quitter le formulaire ?");
            bouton(page, "Revenir au formulaire");
            assertThat(page.locator("#champ-denomination")).hasValue("Nom tapé puis abandonné");
            bouton(page, "Quitter");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quitter sans enregistrer")).click();
            assertThat(page.locator("h1")).hasText("Mes dossiers");
        }
        String denomination = jdbc.sql("select reponses->>'denomination' from dossier where id = ?").param(id).query(String.class).single();
        assertThat(denomination).isEqualTo("Boulangerie du Port");
    }

    @Test
    void renouvellement_avecUneDateDArreteFausse_estRefuse() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        String numero = AutorisationsDeTest.autorisee(jdbc, compte.id(), "83", LocalDate.of(2022, 3, 15));
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/videoprotection"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demande de renouvellement d’une autorisation")).click();
            page.locator("#numero").fill(numero);
            page.locator("#dateArrete").fill("16/03/2022");
            bouton(page, "Continuer");
            assertThat(page.locator("#dateArrete-erreur")).containsText("ne correspond pas à celle de l’arrêté");
            assertThat(page.locator("#resume-erreurs")).isFocused();
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Erreur : "));
            verifierAccessibilite(page);
            page.locator("#dateArrete").fill("15/03/2022");
            bouton(page, "Continuer");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            assertThat(page.locator("#champ-denomination")).hasValue("Boulangerie du Port");
            assertThat(page.locator("input[name=nature_demande][value=renouvellement]")).isChecked();
        }
    }
}
