package fr.gouv.guichet.navigateur;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.immatriculation.VehiculesDeTest;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.tiers.EntreprisesDeTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;

/**
 * Issue 15 in Chromium, each page under axe-core and the Nu HTML Checker: a garage's habilitation from the request to
 * the downloaded convention; a habilitated garage files a change of holder for its client, pays the taxes on the
 * demonstration provider's page, and the client objects through the link of the e-mail; a driving school files a
 * licence after the exam for its pupil, who objects the same way; a mandate reused suspends the school automatically,
 * as the préfecture's dashboard shows.
 */
@TestGuichet
class TiersDeConfianceBrowserTest {

    static Navigateur navigateur;

    @LocalServerPort
    int port;
    @Autowired
    Agents agents;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    CatalogueFormulaires catalogue;
    @Autowired
    MoteurValidation moteur;
    @Autowired
    GreenMail greenMail;

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

    /** DSFR draws radios and checkboxes with their label: click it, as a person does. */
    private static void cocher(Page page, String id) {
        page.locator("label[for='" + id + "']").click();
    }

    private void connecterUsager(Page page, String email) {
        page.navigate(url("/connexion"));
        page.locator("#email").fill(email);
        page.locator("#motDePasse").fill(ComptesDeTest.MOT_DE_PASSE);
        page.locator("#motDePasse").press("Enter");
        page.waitForURL("**/usager**");
    }

    private void connecterAgent(Page page, String email) {
        page.navigate(url("/agent/connexion"));
        page.locator("#email").fill(email);
        page.locator("#motDePasse").fill(AgentsDeTest.MOT_DE_PASSE);
        page.locator("#motDePasse").press("Enter");
        page.waitForURL("**/agent/**");
    }

    @Test
    void habilitation_deLaDemande_aLaConvention() throws Exception {
        ComptesDeTest.Compte gerant = new ComptesDeTest(jdbc, encodeur).usager("83");
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecterUsager(page, gerant.email());
            page.navigate(url("/usager/tiers/habilitation"));
            verifierAccessibilite(page);
            page.locator("#departement").selectOption("83");
            page.getByText("Commencer la demande").click();
            page.locator("#champ-raison_sociale").fill("Garage du Navigateur");
            page.locator("#champ-siret").fill(EntreprisesDeTest.SIRET_GARAGE);
            cocher(page, "champ-type_tiers-0");
            cocher(page, "champ-activites-0");
            page.locator("#champ-effectif").fill("3");
            page.locator("#champ-volume_annuel").fill("150");
            page.locator("#champ-adresse").fill("1 quai du Port");
            page.locator("#champ-code_postal").fill("83000");
            page.locator("#champ-commune").fill("Toulon");
            page.locator("#champ-telephone").fill("04 94 00 00 00");
            verifierAccessibilite(page);
            page.getByText("Page suivante").click();
            page.locator("#champ-gerant_nom").fill("Martin");
            page.locator("#champ-gerant_prenoms").fill("Claire");
            page.locator("#champ-gerant_date_naissance").fill("1975-04-02");
            page.getByText("Page suivante").click();
            cocher(page, "champ-engagements-0");
            page.locator("button[value=valider]").last().click();
            verifierAccessibilite(page);
            cocher(page, "certification");
            page.getByText("Valider définitivement ma demande").click();
            assertThat(page.locator("#numero-dossier")).containsText("TC-083-");
            String numero = page.locator("#numero-dossier").textContent().strip();

            Page prefecture = navigateur.contexte().newPage();
            connecterAgent(prefecture, agent.email());
            long id = jdbc.sql("select id from dossier where numero = ?").param(numero).query(Long.class).single();
            prefecture.navigate(url("/agent/dossiers/" + id));
            prefecture.locator("#action-PRENDRE_EN_CHARGE button[type=submit]").click();
            prefecture.locator("#action-HABILITER button[type=submit]").click();
            assertThat(prefecture.locator("#etat-dossier")).hasText("Habilitée (convention signée)");
            verifierAccessibilite(prefecture);

            BoiteCourriels.Recu courriel = new BoiteCourriels(greenMail).attendre(gerant.email(), "habilitation accordée");
            org.assertj.core.api.Assertions.assertThat(courriel.texte()).contains("convention");
            page.navigate(url("/usager/pro"));
            assertThat(page.locator("h1")).containsText("Garage du Navigateur");
            assertThat(page.locator("#statut-entreprise")).hasText("Habilitée");
            verifierAccessibilite(page);
            // The convention is rendered after the decision (outbox listener): the manager downloads the signed PDF.
            VehiculesDeTest.attendre("la convention jointe au dossier", () -> jdbc.sql(
                    "select count(*) from piece_jointe where dossier_id = ? and code_piece = 'convention_habilitation'")
                    .param(id).query(Integer.class).single() == 1);
            page.getByText("Dossier de l’habilitation et convention").click();
            assertThat(page.locator("main")).containsText("convention-habilitation-" + numero + ".pdf");
            verifierAccessibilite(page);
            Download convention = page.waitForDownload(() -> page.locator("a",
                    new Page.LocatorOptions().setHasText("convention-habilitation-" + numero + ".pdf")).click());
            org.assertj.core.api.Assertions.assertThat(new String(Files.readAllBytes(convention.path()), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            page.navigate(url("/professionnels-habilites?q=Navigateur"));
            assertThat(page.locator("#resultats-annuaire")).containsText("Garage du Navigateur");
            verifierAccessibilite(page);
        }
    }

    @Test
    void unGarageDeposeUnChangementDeTitulaire_lePaie_etLeClientSOppose() {
        var garage = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur)
                .habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage du Parcours", 3, 200);
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte client = comptes.usager("83");
        String immatriculation = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false).immatriculation();
        // An address of this run only: the fraud rules count changes of holder per address over the whole base.
        String adresse = (1 + new java.util.Random().nextInt(9_000)) + " rue du Parcours " + Long.toHexString(System.nanoTime());
        String code;
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecterUsager(page, vendeur.email());
            page.navigate(url("/usager/vehicules"));
            page.getByText("Voir " + immatriculation).click();
            page.locator("#vendre").click();
            page.locator("#dateVente").fill(LocalDate.now().minusDays(1).toString());
            page.getByLabel("Kilométrage au compteur").fill("61000");
            page.getByLabel("Nom de l’acquéreur").fill("Client");
            page.getByLabel("Prénoms de l’acquéreur").fill("Alix");
            page.locator("#declarer").click();
            code = page.locator("#code-cession").textContent().strip();
        }
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecterUsager(page, garage.gerant().email());
            page.navigate(url("/usager/pro"));
            page.locator("a[href$='/usager/pro/depots/vehicule']").first().click();
            assertThat(page.locator("h1")).hasText("Changement de titulaire d’un véhicule d’occasion");
            verifierAccessibilite(page);
            page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Enregistrer et passer au paiement")).click();
            assertThat(page.locator("#resume-erreurs")).isVisible();
            verifierAccessibilite(page);
            for (Map.Entry<String, String> e : Map.of("immatriculation", immatriculation, "code_cession", code, "nom", "Client",
                    "prenoms", "Alix", "date_naissance", "12/05/1980", "courriel", client.email(), "adresse", adresse,
                    "code_postal", "83000", "commune", "Toulon").entrySet()) {
                page.locator("#champ-" + e.getKey()).fill(e.getValue());
            }
            cocher(page, "mandat-ecran-mode");
            page.locator("#mandat-signataire").fill("Alix Client");
            page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Enregistrer et passer au paiement")).click();
            assertThat(page.locator(".fr-alert--success")).containsText("payez les taxes");
            assertThat(page.locator("#paiement")).containsText("Taxes à payer");
            verifierAccessibilite(page);
            page.locator("#paiement button[type=submit]").click();
            assertThat(page.locator("h1")).hasText("Paiement en ligne");
            verifierAccessibilite(page);
            page.locator("#aller-payer").click();
            assertThat(page.locator("h1")).hasText("Prestataire de paiement de démonstration");
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("transmis");
            assertThat(page.locator("#numero-dossier")).containsText("IM-083-");
            String numero = page.locator("#numero-dossier").textContent().strip();
            verifierAccessibilite(page);

            String lien = new BoiteCourriels(greenMail).attendre(client.email(), "déposée en votre nom").lien();
            Page proprietaire = navigateur.contexte().newPage();
            proprietaire.navigate(url(lien.replaceFirst("^https?://[^/]+", "")));
            assertThat(proprietaire.locator("h1")).hasText("Démarche déposée en votre nom");
            assertThat(proprietaire.locator("main")).containsText(numero);
            verifierAccessibilite(proprietaire);
            proprietaire.locator("#motif").fill("Je n’ai rien acheté à ce garage.");
            proprietaire.getByText("Je m’oppose à ce dépôt").click();
            assertThat(proprietaire.locator(".fr-alert--success")).containsText("Votre opposition est enregistrée");
            verifierAccessibilite(proprietaire);

            page.reload();
            assertThat(page.locator("#opposition-client")).containsText("Je n’ai rien acheté à ce garage.");
            verifierAccessibilite(page);
        }
    }

    @Test
    void uneAutoEcoleDepose_pourUnEleve_quiSOppose() {
        var ecole = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur)
                .habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école du Navigateur", 3, 200);
        String eleve = "eleve-navigateur-" + System.nanoTime() + "@exemple.fr";
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecterUsager(page, ecole.gerant().email());
            page.navigate(url("/usager/pro"));
            page.getByText("Demande de titre après réussite à l'examen").click();
            verifierAccessibilite(page);
            page.getByText("Déposer pour le client").click();
            assertThat(page.locator("#resume-erreurs")).isVisible();
            assertThat(page.locator("#mandat-erreur")).isVisible();
            verifierAccessibilite(page);
            for (Map.Entry<String, String> e : Map.of("nom", "Petit", "prenoms", "Jules", "date_naissance", "2006-05-04",
                    "commune_naissance", "Toulon", "pays_naissance", "France", "adresse", "8 rue des Écoles", "code_postal", "83000",
                    "commune", "Toulon", "courriel", eleve, "code_ephoto", "AB12CD34EF56GH78IJ90KL").entrySet()) {
                page.locator("#champ-" + e.getKey()).fill(e.getValue());
            }
            page.locator("#champ-date_examen").fill(LocalDate.now().minusDays(2).toString());
            cocher(page, "champ-sexe-1");
            cocher(page, "champ-type_titre-0");
            page.locator("#champ-categorie_obtenue").selectOption("b");
            cocher(page, "mandat-ecran-mode");
            page.locator("#mandat-signataire").fill("Jules Petit");
            page.getByText("Déposer pour le client").click();
            assertThat(page.locator(".fr-alert--success")).containsText("est déposé pour votre client");
            verifierAccessibilite(page);

            String lien = new BoiteCourriels(greenMail).attendre(eleve, "déposée en votre nom").lien();
            Page client = navigateur.contexte().newPage();
            client.navigate(url(lien.replaceFirst("^https?://[^/]+", "")));
            assertThat(client.locator("h1")).hasText("Démarche déposée en votre nom");
            verifierAccessibilite(client);
            client.locator("#motif").fill("Je n’ai signé aucun mandat.");
            client.getByText("Je m’oppose à ce dépôt").click();
            assertThat(client.locator(".fr-alert--success")).containsText("Votre opposition est enregistrée");
            verifierAccessibilite(client);

            page.navigate(url("/usager/pro?opposes=true"));
            assertThat(page.locator("#dossiers-clients")).containsText("Jules Petit");
            assertThat(page.locator("#dossiers-clients")).containsText("Opposé");
        }
    }

    @Test
    void unMandatReutilise_suspendAutomatiquement_etLaPrefectureLeVoit() throws Exception {
        var ecole = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur)
                .habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Photocopie", 3, 200);
        BufferedImage image = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0x123456);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        FilePayload mandat = new FilePayload("mandat.png", "image/png", out.toByteArray());
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            connecterUsager(page, ecole.gerant().email());
            for (String nom : new String[]{"Copie", "Recopie"}) {
                page.navigate(url("/usager/pro/depots/nouveau?procedure=PC_TITRE_APRES_EXAMEN"));
                for (Map.Entry<String, String> e : Map.of("nom", nom, "prenoms", "Alex", "date_naissance", "2005-01-01",
                        "commune_naissance", "Hyères", "pays_naissance", "France", "adresse", nom + " 3 avenue Verte", "code_postal", "83400",
                        "commune", "Hyères", "courriel", nom.toLowerCase() + "-" + System.nanoTime() + "@exemple.fr",
                        "code_ephoto", "AB12CD34EF56GH78IJ90KL").entrySet()) {
                    page.locator("#champ-" + e.getKey()).fill(e.getValue());
                }
                page.locator("#champ-date_examen").fill(LocalDate.now().minusDays(1).toString());
                cocher(page, "champ-sexe-0");
                cocher(page, "champ-type_titre-0");
                page.locator("#champ-categorie_obtenue").selectOption("b");
                cocher(page, "mandat-fichier-mode");
                page.locator("#mandat-fichier").setInputFiles(mandat);
                page.locator("#mandat-signataire").fill("Alex " + nom);
                page.getByText("Déposer pour le client").click();
                assertThat(page.locator(".fr-alert--success")).containsText("est déposé pour votre client");
            }
            page.navigate(url("/usager/pro"));
            assertThat(page.locator("#alerte-suspension")).containsText("Vous ne pouvez plus déposer");
            verifierAccessibilite(page);

            Page prefecture = navigateur.contexte().newPage();
            connecterAgent(prefecture, ecole.agent().email());
            prefecture.navigate(url("/agent/services/83/tiers"));
            assertThat(prefecture.locator("#tiers-service")).containsText("Auto-école Photocopie");
            assertThat(prefecture.locator("#tiers-service")).containsText("un mandat ne sert qu’une fois");
            verifierAccessibilite(prefecture);
        }
    }
}
