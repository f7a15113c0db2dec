package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.guichet.immatriculation.VehiculesDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;

/**
 * Issue 13 in the browser: a car sold from one account and bought from another with the code, paid with the
 * demonstration provider, the provisional certificate printed and the card followed (with JavaScript, every page
 * under axe-core); a payment refused then retried, without JavaScript; an address change up to the fourth label, which
 * makes a new card with its fee (without JavaScript); a duplicate after theft with the police declaration joined
 * (under axe-core). Every page is also checked by the Nu HTML Checker when the browser closes.
 */
class ImmatriculationBrowserTest extends ParcoursDossierNavigateur {

    /** The seller declares the sale from "Mes véhicules"; returns the code shown once. */
    String vendre(Page page, String immatriculation, boolean axe) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
        assertThat(page.locator("h1")).hasText("Mes véhicules");
        if (axe) {
            verifierAccessibilite(page);
        }
        page.getByText("Voir " + immatriculation).click();
        assertThat(page.locator("h1")).hasText("Véhicule " + immatriculation);
        if (axe) {
            verifierAccessibilite(page);
        }
        page.locator("#vendre").click();
        page.getByLabel("Kilométrage au compteur").fill("84000");
        page.locator("#declarer").click();
        assertThat(page.locator("#acquereurNom-erreur")).hasText("Indiquez le nom de l’acquéreur.");
        if (axe) {
            verifierAccessibilite(page);
        }
        page.locator("#dateVente").fill(LocalDate.now().minusDays(1).toString());
        page.getByLabel("Nom de l’acquéreur").fill("Acheteur");
        page.getByLabel("Prénoms de l’acquéreur").fill("Dominique");
        page.locator("#declarer").click();
        String code = page.locator("#code-cession").textContent().strip();
        if (axe) {
            verifierAccessibilite(page);
        }
        assertThat(page.locator("#situation")).isVisible();
        return code;
    }

    /** The buyer enters the code and the holder's page, and reaches the provider's page. */
    void acheter(Page page, String immatriculation, String code, boolean axe) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
        page.locator("#acheter").click();
        page.getByLabel("Numéro d’immatriculation").fill(immatriculation);
        page.getByLabel("Code de cession").fill("ZZZZZ");
        page.locator("#utiliser-code").click();
        assertThat(page.locator("#code-erreur")).containsText("ne correspond pas");
        if (axe) {
            verifierAccessibilite(page);
        }
        page.getByLabel("Code de cession").fill(code);
        page.locator("#utiliser-code").click();
        assertThat(page.locator("h1")).hasText("Changement de titulaire d’un véhicule d’occasion");
        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Acheteur");
        page.getByLabel("Prénoms", new Page.GetByLabelOptions().setExact(true)).fill("Dominique");
        page.locator("#date_naissance").fill("1980-04-12");
        // An address of its own: three changes of holder to one address within the window send the dossier to the
        // CERT (fraud rule), and the other tests of the suite buy cars too.
        page.getByLabel("Numéro et voie").fill((1 + new java.util.Random().nextInt(9_000)) + " avenue Foch");
        page.getByLabel("Code postal").fill("83400");
        page.getByLabel("Commune").fill("Hyères");
        page.locator("#enregistrer").click();
        assertThat(page.locator("#taxes")).containsText("Y1");
        if (axe) {
            verifierAccessibilite(page);
        }
        page.locator("#payer").click();
        assertThat(page.locator("h1")).hasText("Paiement en ligne");
        if (axe) {
            verifierAccessibilite(page);
        }
        page.locator("#aller-payer").click();
        assertThat(page.locator("h1")).hasText("Prestataire de paiement de démonstration");
    }

    @Test
    void venteEntreDeuxComptes_achatAvecLeCode_paiement_certificatProvisoire_sousAxe() {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        String immat = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false).immatriculation();
        String code;
        try (BrowserContext contexte = navigateur.contexte()) {
            code = vendre(connecte(contexte, vendeur), immat, true);
        }
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, acheteur);
            acheter(page, immat, code, true);
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de");
            assertThat(page.locator("#numero")).containsText("IM-083-");
            assertThat(page.locator("#paiements")).containsText("Payé");
            verifierAccessibilite(page);
            assertThat(page.locator("#certificat-provisoire")).hasAttribute("href",
                    java.util.regex.Pattern.compile("/usager/vehicules/demandes/\\d+/certificat-provisoire.pdf"));
            VehiculesDeTest.attendre("carte en fabrication ou expédiée", () -> {
                page.reload();
                return page.locator("#fabrication, #expedition").count() > 0;
            });
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            assertThat(page.locator("#vehicules")).containsText(immat);
        }
    }

    @Test
    void paiementRefusePuisReessaye_sansJavaScript() {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        String immat = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false).immatriculation();
        String code;
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            code = vendre(connecte(contexte, vendeur), immat, false);
        }
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            Page page = connecte(contexte, acheteur);
            acheter(page, immat, code, false);
            page.locator("#refuser").click();
            assertThat(page.locator(".fr-alert--info")).containsText("refusé");
            assertThat(page.locator("#paiements")).containsText("Refusé");
            page.locator("#payer").click();
            page.locator("#aller-payer").click();
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de");
            assertThat(page.locator("#paiements")).containsText("Payé");
        }
    }

    /** From the vehicle's page: an address change, the moving date and the new address typed; returns to the page after. */
    void changerAdresse(Page page, String immatriculation, String adresse, boolean axe) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
        page.getByText("Voir " + immatriculation).click();
        page.locator("#changer-adresse").click();
        assertThat(page.locator("h1")).hasText("Changement d’adresse sur le certificat d’immatriculation");
        page.getByLabel("Numéro et voie").fill(adresse);
        page.getByLabel("Code postal").fill("83000");
        page.getByLabel("Commune").fill("Toulon");
        page.locator("#date_demenagement").fill(LocalDate.now().minusMonths(2).toString());
        page.locator("#enregistrer").click();
        assertThat(page.locator("#date_demenagement-erreur")).containsText("dans le mois qui suit le déménagement");
        if (axe) {
            verifierAccessibilite(page);
        }
        page.locator("#date_demenagement").fill(LocalDate.now().minusDays(4).toString());
        page.locator("#enregistrer").click();
    }

    @Test
    void changementDAdresseJusquALaQuatriemeEtiquette_nouvelleCarteEtSaTaxe_sansJavaScript() {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        String immat = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false, null, 2).immatriculation();
        String voie = (1 + new java.util.Random().nextInt(900_000)) + " rue Paul Lendrin";
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            Page page = connecte(contexte, titulaire);
            // The third label: free, sent without payment.
            changerAdresse(page, immat, "A" + voie, false);
            assertThat(page.locator("#taxes")).hasCount(0);
            page.locator("#transmettre").click();
            assertThat(page.locator("#numero")).containsText("IM-083-");
            VehiculesDeTest.attendre("étiquette envoyée", () -> {
                page.reload();
                return page.locator("#etat").textContent().contains("Terminé");
            });
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            page.getByText("Voir " + immat).click();
            assertThat(page.locator("main dl")).containsText("3 sur 3");
            // The fourth: no room left on the card, a new card and its fee (Y5).
            changerAdresse(page, immat, "B" + voie, false);
            assertThat(page.locator("#taxes")).containsText("Y5");
            assertThat(page.locator("#total")).containsText("2,76");
            page.locator("#payer").click();
            assertThat(page.locator("h1")).hasText("Paiement en ligne");
            page.locator("#aller-payer").click();
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de 2,76");
            VehiculesDeTest.attendre("nouvelle carte en fabrication ou expédiée", () -> {
                page.reload();
                return page.locator("#fabrication, #expedition").count() > 0;
            });
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            page.getByText("Voir " + immat).click();
            assertThat(page.locator("main dl")).containsText("0 sur 3");
            assertThat(page.locator("main dl")).containsText("B" + voie);
        }
    }

    @Test
    void duplicataApresVol_recepisseDePoliceJoint_vehiculeNonSignaleVole_sousAxe() {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        String immat = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false).immatriculation();
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, titulaire);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            page.getByText("Voir " + immat).click();
            page.locator("label[for=motif-vol]").click();
            page.locator("#demander-duplicata").click();
            assertThat(page.locator("h1")).hasText("Duplicata du certificat d’immatriculation");
            verifierAccessibilite(page);
            page.locator("#enregistrer").click();
            assertThat(page.locator("#taxes")).containsText("Y4");
            // Paying before joining the police declaration: a message next to the upload field.
            page.locator("#payer").click();
            assertThat(page.locator("#declaration_vol-erreur")).containsText("Joignez le récépissé de votre déclaration de vol");
            verifierAccessibilite(page);
            // A file that is not what it says is refused by its content.
            page.locator("#declaration_vol").setInputFiles(new com.microsoft.playwright.options.FilePayload("recepisse.pdf",
                    "application/pdf", "ceci n'est pas un PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            page.locator("#joindre").click();
            assertThat(page.locator("#declaration_vol-erreur")).isVisible();
            verifierAccessibilite(page);
            page.locator("#declaration_vol").setInputFiles(pdf("recepisse-vol.pdf", "Recepisse de declaration de vol"));
            page.locator("#joindre").click();
            assertThat(page.locator(".fr-alert--success")).containsText("recepisse-vol.pdf");
            assertThat(page.locator("#declaration_vol-joint")).containsText("recepisse-vol.pdf");
            verifierAccessibilite(page);
            page.locator("#payer").click();
            page.locator("#aller-payer").click();
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de");
            verifierAccessibilite(page);
            page.getByText("Dossier, accusé de réception et messages au centre d’instruction").click();
            assertThat(page.locator("main")).containsText("recepisse-vol.pdf");
            verifierAccessibilite(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            page.getByText("Voir " + immat).click();
            assertThat(page.locator("main dl")).containsText("aucune déclaration de vol");
        }
    }
}
