package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.guichet.immatriculation.VehiculesDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;

/**
 * Issue 13 in the browser, each operation played twice — with JavaScript, every page under axe-core, and without
 * JavaScript: a car sold from one account and bought from another with the code, paid with the demonstration provider,
 * the provisional certificate printed and the card followed; a payment refused then retried; an address change up to
 * the fourth label, which makes a new card with its fee; a duplicate after theft with the police declaration joined;
 * a request paid in two tabs, the second payment refunded and announced.
 * Every page is also checked by the Nu HTML Checker when the browser closes. The buyers' and movers' addresses are
 * unique to each run (the fraud rules count changes of holder per address over the whole shared database).
 */
class ImmatriculationBrowserTest extends ParcoursDossierNavigateur {

    static final String MODES = "avec JavaScript et axe-core : {0}";

    static BrowserContext contexte(boolean avecJavaScript) {
        return avecJavaScript ? navigateur.contexte() : navigateur.contexteSansJavaScript();
    }

    /** axe-core runs in the page: only with JavaScript. */
    static void accessibilite(Page page, boolean avecJavaScript) {
        if (avecJavaScript) {
            verifierAccessibilite(page);
        }
    }

    /** The seller declares the sale from "Mes véhicules"; returns the code shown once. */
    String vendre(Page page, String immatriculation, boolean axe) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
        assertThat(page.locator("h1")).hasText("Mes véhicules");
        accessibilite(page, axe);
        page.getByText("Voir " + immatriculation).click();
        assertThat(page.locator("h1")).hasText("Véhicule " + immatriculation);
        accessibilite(page, axe);
        page.locator("#vendre").click();
        page.getByLabel("Kilométrage au compteur").fill("84000");
        page.locator("#declarer").click();
        assertThat(page.locator("#acquereurNom-erreur")).hasText("Indiquez le nom de l’acquéreur.");
        accessibilite(page, axe);
        page.locator("#dateVente").fill(LocalDate.now().minusDays(1).toString());
        page.getByLabel("Nom de l’acquéreur").fill("Acheteur");
        page.getByLabel("Prénoms de l’acquéreur").fill("Dominique");
        page.locator("#declarer").click();
        String code = page.locator("#code-cession").textContent().strip();
        accessibilite(page, axe);
        assertThat(page.locator("#situation")).isVisible();
        return code;
    }

    record Vente(ComptesDeTest.Compte acheteur, String immatriculation, String code) {
    }

    /** A car of a new seller's account, sold from the browser to a new buyer's account (its code, shown once). */
    Vente vente(boolean avecJavaScript, boolean axe) {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        String immat = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false).immatriculation();
        try (BrowserContext contexte = contexte(avecJavaScript)) {
            return new Vente(acheteur, immat, vendre(connecte(contexte, vendeur), immat, axe));
        }
    }

    /** The buyer, signed in, buys the car sold to them and reaches the provider's page. */
    Page chezLePrestataire(BrowserContext contexte, Vente vente, boolean axe) {
        Page page = connecte(contexte, vente.acheteur());
        acheter(page, vente.immatriculation(), vente.code(), axe);
        return page;
    }

    /** The buyer enters the code and the holder's page, and reaches the provider's page. */
    void acheter(Page page, String immatriculation, String code, boolean axe) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
        page.locator("#acheter").click();
        page.getByLabel("Numéro d’immatriculation").fill(immatriculation);
        page.getByLabel("Code de cession").fill("ZZZZZ");
        page.locator("#utiliser-code").click();
        assertThat(page.locator("#code-erreur")).containsText("ne correspond pas");
        accessibilite(page, axe);
        page.getByLabel("Code de cession").fill(code);
        page.locator("#utiliser-code").click();
        assertThat(page.locator("h1")).hasText("Changement de titulaire d’un véhicule d’occasion");
        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Acheteur");
        page.getByLabel("Prénoms", new Page.GetByLabelOptions().setExact(true)).fill("Dominique");
        page.locator("#date_naissance").fill("1980-04-12");
        // An address of its own: three changes of holder to one address within the window send the dossier to the
        // CERT (fraud rule), and the other tests of the suite buy cars too.
        page.getByLabel("Numéro et voie").fill(VehiculesDeTest.adresseUnique("avenue Foch"));
        page.getByLabel("Code postal").fill("83400");
        page.getByLabel("Commune").fill("Hyères");
        page.locator("#enregistrer").click();
        assertThat(page.locator("#taxes")).containsText("Y1");
        accessibilite(page, axe);
        page.locator("#payer").click();
        assertThat(page.locator("h1")).hasText("Paiement en ligne");
        accessibilite(page, axe);
        page.locator("#aller-payer").click();
        assertThat(page.locator("h1")).hasText("Prestataire de paiement de démonstration");
    }

    @ParameterizedTest(name = MODES)
    @ValueSource(booleans = {true, false})
    void venteEntreDeuxComptes_achatAvecLeCode_paiement_certificatProvisoire(boolean avecJavaScript) {
        Vente vente = vente(avecJavaScript, avecJavaScript);
        String immat = vente.immatriculation();
        try (BrowserContext contexte = contexte(avecJavaScript)) {
            Page page = chezLePrestataire(contexte, vente, avecJavaScript);
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de");
            assertThat(page.locator("#numero")).containsText("IM-083-");
            assertThat(page.locator("#paiements")).containsText("Payé");
            accessibilite(page, avecJavaScript);
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

    @ParameterizedTest(name = MODES)
    @ValueSource(booleans = {true, false})
    void paiementRefusePuisReessaye(boolean avecJavaScript) {
        // The sale and the purchase pages are checked under axe-core by the journey above; here the refusal is.
        Vente vente = vente(avecJavaScript, false);
        try (BrowserContext contexte = contexte(avecJavaScript)) {
            Page page = chezLePrestataire(contexte, vente, false);
            page.locator("#refuser").click();
            assertThat(page.locator(".fr-alert--info")).containsText("refusé");
            assertThat(page.locator("#paiements")).containsText("Refusé");
            accessibilite(page, avecJavaScript);
            page.locator("#payer").click();
            page.locator("#aller-payer").click();
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de");
            assertThat(page.locator("#paiements")).containsText("Payé");
        }
    }

    @ParameterizedTest(name = MODES)
    @ValueSource(booleans = {true, false})
    void payeeDansDeuxOnglets_leSecondPaiementEstRembourseEtAnnonce(boolean avecJavaScript) {
        Vente vente = vente(avecJavaScript, false);
        try (BrowserContext contexte = contexte(avecJavaScript)) {
            Page onglet1 = chezLePrestataire(contexte, vente, false);
            // A second tab resumes the request and pays it; the first tab's payment page is still open at the provider.
            Page onglet2 = contexte.newPage();
            onglet2.navigate(url("/usager/vehicules"));
            onglet2.getByText("Reprendre la demande").first().click();
            onglet2.locator("#payer").click();
            onglet2.locator("#aller-payer").click();
            onglet2.locator("#payer").click();
            assertThat(onglet2.locator(".fr-alert--success")).containsText("Paiement de");

            onglet1.locator("#payer").click();
            assertThat(onglet1.locator(".fr-alert--info").first()).containsText("déjà payée");
            assertThat(onglet1.locator(".remboursement")).containsText("vous a été remboursé en entier");
            assertThat(onglet1.locator("#paiements")).containsText("Payé en double : remboursé");
            assertThat(onglet1.locator("#paiements")).containsText("Payé");
            accessibilite(onglet1, avecJavaScript);
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
        accessibilite(page, axe);
        page.locator("#date_demenagement").fill(LocalDate.now().minusDays(4).toString());
        page.locator("#enregistrer").click();
    }

    @ParameterizedTest(name = MODES)
    @ValueSource(booleans = {true, false})
    void changementDAdresseJusquALaQuatriemeEtiquette_nouvelleCarteEtSaTaxe(boolean avecJavaScript) {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        String immat = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false, null, 2).immatriculation();
        String voie = VehiculesDeTest.adresseUnique("rue Paul Lendrin");
        try (BrowserContext contexte = contexte(avecJavaScript)) {
            Page page = connecte(contexte, titulaire);
            // The third label: free, sent without payment.
            changerAdresse(page, immat, "A" + voie, avecJavaScript);
            assertThat(page.locator("#taxes")).hasCount(0);
            accessibilite(page, avecJavaScript);
            page.locator("#transmettre").click();
            assertThat(page.locator("#numero")).containsText("IM-083-");
            accessibilite(page, avecJavaScript);
            VehiculesDeTest.attendre("étiquette envoyée", () -> {
                page.reload();
                return page.locator("#etat").textContent().contains("Terminé");
            });
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            page.getByText("Voir " + immat).click();
            assertThat(page.locator("main dl")).containsText("3 sur 3");
            accessibilite(page, avecJavaScript);
            // The fourth: no room left on the card, a new card and its fee (Y5).
            changerAdresse(page, immat, "B" + voie, avecJavaScript);
            assertThat(page.locator("#taxes")).containsText("Y5");
            assertThat(page.locator("#total")).containsText("2,76");
            accessibilite(page, avecJavaScript);
            page.locator("#payer").click();
            assertThat(page.locator("h1")).hasText("Paiement en ligne");
            page.locator("#aller-payer").click();
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de 2,76");
            accessibilite(page, avecJavaScript);
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

    @ParameterizedTest(name = MODES)
    @ValueSource(booleans = {true, false})
    void duplicataApresVol_recepisseDePoliceJoint_vehiculeNonSignaleVole(boolean avecJavaScript) {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        String immat = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false).immatriculation();
        try (BrowserContext contexte = contexte(avecJavaScript)) {
            Page page = connecte(contexte, titulaire);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            page.getByText("Voir " + immat).click();
            page.locator("label[for=motif-vol]").click();
            page.locator("#demander-duplicata").click();
            assertThat(page.locator("h1")).hasText("Duplicata du certificat d’immatriculation");
            accessibilite(page, avecJavaScript);
            page.locator("#enregistrer").click();
            assertThat(page.locator("#taxes")).containsText("Y4");
            // Paying before joining the police declaration: a message next to the upload field.
            page.locator("#payer").click();
            assertThat(page.locator("#declaration_vol-erreur")).containsText("Joignez le récépissé de votre déclaration de vol");
            accessibilite(page, avecJavaScript);
            // A file that is not what it says is refused by its content.
            page.locator("#declaration_vol").setInputFiles(new com.microsoft.playwright.options.FilePayload("recepisse.pdf",
                    "application/pdf", "ceci n'est pas un PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            page.locator("#joindre").click();
            assertThat(page.locator("#declaration_vol-erreur")).isVisible();
            accessibilite(page, avecJavaScript);
            page.locator("#declaration_vol").setInputFiles(pdf("recepisse-vol.pdf", "Recepisse de declaration de vol"));
            page.locator("#joindre").click();
            assertThat(page.locator(".fr-alert--success")).containsText("recepisse-vol.pdf");
            assertThat(page.locator("#declaration_vol-joint")).containsText("recepisse-vol.pdf");
            accessibilite(page, avecJavaScript);
            page.locator("#payer").click();
            page.locator("#aller-payer").click();
            page.locator("#payer").click();
            assertThat(page.locator(".fr-alert--success")).containsText("Paiement de");
            accessibilite(page, avecJavaScript);
            page.getByText("Dossier, accusé de réception et messages au centre d’instruction").click();
            assertThat(page.locator("main")).containsText("recepisse-vol.pdf");
            accessibilite(page, avecJavaScript);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes véhicules")).first().click();
            page.getByText("Voir " + immat).click();
            assertThat(page.locator("main dl")).containsText("aucune déclaration de vol");
        }
    }
}
