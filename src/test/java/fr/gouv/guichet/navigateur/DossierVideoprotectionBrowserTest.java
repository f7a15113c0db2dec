package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The videoprotection dossier in Chromium, after and around the form: documents, récépissé and messages, every
 * rule of screen 1, conditional fields with and without JavaScript, the bank form and its agencies, the
 * modification entry page and the autosave. Every page shown with JavaScript is checked with axe-core.
 */
@TestGuichet
class DossierVideoprotectionBrowserTest {

    private static final Pattern NUMERO_VP = Pattern.compile("VP-083-\\d{4}-\\d{6}-[A-Z]");

    static Navigateur navigateur;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    CatalogueFormulaires catalogue;

    @TempDir
    Path dossierTemporaire;

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

    Page connecte(BrowserContext contexte, ComptesDeTest.Compte compte) {
        Page page = contexte.newPage();
        page.navigate(url("/connexion"));
        page.getByLabel("Adresse électronique").fill(compte.email());
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(ComptesDeTest.MOT_DE_PASSE);
        page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.locator("h1")).hasText("Mon espace");
        return page;
    }

    /** A new authorization draft (lieu: the usager's département), on screen 1. */
    void nouveauBrouillon(Page page) {
        page.navigate(url("/usager/videoprotection/nouveau?demarche=AUTORISATION"));
        cocher(page, "#lieu-un");
        bouton(page, "Commencer le formulaire");
        assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
    }

    /** Screens 1 to 3 filled, validated with the certification: returns the dossier number shown. */
    static String deposerAutorisation(Page page) {
        remplirPage1(page);
        bouton(page, "Page suivante");
        assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
        remplirPage2(page);
        bouton(page, "Page suivante");
        assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
        remplirPage3(page);
        bouton(page, "Valider");
        assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
        cocher(page, "#certification");
        bouton(page, "Valider définitivement ma demande");
        assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
        return page.locator("#numero-dossier").textContent();
    }

    static Locator lienDuTableau(Page page, String nom) {
        return page.locator("table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(nom).setExact(true));
    }

    static void ecrireALaPrefecture(Page page, String texte) {
        page.locator("#message").fill(texte);
        bouton(page, "Envoyer le message");
        assertThat(page.locator(".fr-alert--success")).containsText("Votre message a été envoyé à la préfecture.");
        assertThat(page.locator(".fr-callout").filter(new Locator.FilterOptions().setHasText(texte))).containsText("Vous, le");
    }

    Path pdf(String nom, String texte) {
        Path fichier = dossierTemporaire.resolve(nom);
        try (PDDocument document = new PDDocument()) {
            PDPage pageA4 = new PDPage();
            document.addPage(pageA4);
            try (PDPageContentStream contenu = new PDPageContentStream(document, pageA4)) {
                contenu.beginText();
                contenu.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                contenu.newLineAtOffset(72, 720);
                contenu.showText(texte);
                contenu.endText();
            }
            document.save(fichier.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fichier;
    }

    Path png(String nom) {
        Path fichier = dossierTemporaire.resolve(nom);
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.BLUE);
        g.fillOval(16, 8, 32, 32);
        g.dispose();
        try {
            ImageIO.write(image, "png", fichier.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fichier;
    }

    static byte[] lire(Path fichier) {
        try {
            return Files.readAllBytes(fichier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void apresValidation_documentsJoints_telechargements_recepisse_etMessage() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Path affiche = pdf("modele-affiche.pdf", "Lieu sous videoprotection - Boulangerie du Port");
        Path expose = png("expose-cameras.png");
        Path fauxPdf = dossierTemporaire.resolve("plans.pdf");
        try {
            Files.writeString(fauxPdf, "Ceci est un simple texte, pas un PDF.\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            nouveauBrouillon(page);
            deposerAutorisation(page);
            assertThat(page.locator("main")).not().containsText("Précisez l'autre finalité");
            verifierAccessibilite(page);

            // A real PDF as the poster model.
            page.locator("#code-piece").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Modèle d'affiche d'information du public"));
            page.locator("#fichier").setInputFiles(affiche);
            bouton(page, "Joindre ce document");
            assertThat(page.locator(".fr-alert--success")).containsText("Le document « modele-affiche.pdf » est joint à votre dossier.");
            assertThat(page.locator("table caption")).hasText("Documents joints");
            assertThat(lienDuTableau(page, "modele-affiche.pdf")).isVisible();
            verifierAccessibilite(page);

            // A PNG image as another expected document.
            page.locator("#code-piece").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Exposé succinct des caméras"));
            page.locator("#fichier").setInputFiles(expose);
            bouton(page, "Joindre ce document");
            assertThat(page.locator(".fr-alert--success")).containsText("« expose-cameras.png »");
            assertThat(page.locator("table tbody tr")).hasCount(2);
            assertThat(page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText("expose-cameras.png")))
                    .containsText("PNG");
            assertThat(page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText("modele-affiche.pdf")))
                    .containsText("PDF");
            verifierAccessibilite(page);

            // Downloaded back, byte for byte.
            Download telechargement = page.waitForDownload(() -> lienDuTableau(page, "modele-affiche.pdf").click());
            assertThat(telechargement.suggestedFilename()).isEqualTo("modele-affiche.pdf");
            assertThat(lire(telechargement.path())).isEqualTo(lire(affiche));
            Download image = page.waitForDownload(() -> lienDuTableau(page, "expose-cameras.png").click());
            assertThat(lire(image.path())).isEqualTo(lire(expose));

            // A text file named .pdf: refused, the reason next to the field.
            page.locator("#fichier").setInputFiles(fauxPdf);
            bouton(page, "Joindre ce document");
            assertThat(page.locator("#fichier-erreur")).containsText("Le fichier « plans.pdf » n’est pas un PDF, un JPEG ou un PNG");
            assertThat(page.locator("#fichier-erreur")).containsText("son contenu ne correspond pas à son nom");
            assertThat(page.locator("#fichier")).hasAttribute("aria-describedby", "fichier-erreur");
            assertThat(page.locator("#resume-erreurs a[href='#fichier']")).isVisible();
            assertThat(page.locator("table tbody tr")).hasCount(2);
            verifierAccessibilite(page);

            // The récépissé is a PDF.
            Download recepisse = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Télécharger l’accusé de réception (PDF)")).click());
            assertThat(new String(lire(recepisse.path()), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(recepisse.suggestedFilename()).endsWith(".pdf");

            ecrireALaPrefecture(page, "Les plans suivront par courrier.");
            verifierAccessibilite(page);
        }
    }

    @Test
    void ecran1_chaqueRegleDeValidationAffichee() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            nouveauBrouillon(page);

            // Empty: every required field of screen 1 says what is missing, and the summary links to it.
            // (nature_demande is already answered: the choice page decided it.)
            List<Champ> obligatoires = catalogue.get("cerfa-13806", "04").pages().get(0).champs().stream()
                    .filter(c -> c.obligatoire() && c.condition() == null && !c.id().equals("nature_demande"))
                    .toList();
            assertThat(obligatoires).extracting(Champ::id).contains("qualite", "nom_naissance", "prenom", "denomination",
                    "activite", "declarant_voie", "declarant_code_postal", "declarant_commune", "declarant_telephone",
                    "contact_images_nom", "contact_images_telephone");
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            Locator resume = page.locator("#resume-erreurs");
            assertThat(resume).isVisible();
            assertThat(resume.locator("li a")).hasCount(obligatoires.size());
            for (Champ champ : obligatoires) {
                assertThat(page.locator("#champ-" + champ.id() + "-erreur")).hasText(champ.messageObligatoire());
                assertThat(resume.locator("a[href='#champ-" + champ.id() + "']")).hasText(champ.messageObligatoire());
                assertThat(page.locator("#champ-" + champ.id())).isVisible();
            }
            assertThat(page.locator("#champ-siret-erreur")).hasCount(0);
            verifierAccessibilite(page);

            // The link of the summary leads to the field.
            resume.locator("a[href='#champ-prenom']").click();
            assertThat(page).hasURL(Pattern.compile("#champ-prenom$"));

            // Wrong formats: each gets its own message.
            remplirPage1(page);
            page.locator("#champ-siret").fill("12345678901234");
            page.locator("#champ-declarant_code_postal").fill("8300");
            page.locator("#champ-declarant_telephone").fill("123");
            page.locator("#champ-contact_images_telephone").fill("06 12 34 56");
            page.locator("#champ-declarant_email").fill("claire.martin@exemple");
            bouton(page, "Page suivante");
            assertThat(page.locator("#champ-siret-erreur"))
                    .hasText("Le numéro SIRET n'est pas valide : vérifiez les 14 chiffres (clé de contrôle incorrecte).");
            assertThat(page.locator("#champ-declarant_code_postal-erreur")).hasText("Le code postal doit comporter 5 chiffres, par exemple 83000.");
            assertThat(page.locator("#champ-declarant_telephone-erreur")).hasText("Le numéro de téléphone du déclarant doit comporter "
                    + "10 chiffres et commencer par 0, par exemple 04 94 12 34 56 (ou commencer par +33, par exemple +33 4 94 12 34 56).");
            assertThat(page.locator("#champ-contact_images_telephone-erreur")).containsText("doit comporter 10 chiffres");
            assertThat(page.locator("#champ-declarant_email-erreur")).containsText("n'est pas une adresse e-mail valide");
            assertThat(page.locator("#resume-erreurs li a")).hasCount(5);
            assertThat(page.locator("#champ-siret")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#champ-siret")).hasValue("12345678901234");
            verifierAccessibilite(page);

            page.locator("#champ-siret").fill("1234567890123");
            bouton(page, "Page suivante");
            assertThat(page.locator("#champ-siret-erreur")).containsText("Le numéro SIRET doit comporter 14 chiffres");

            // The declarant may live in another département (the arrêté is mailed there): 75001 is accepted on screen 1…
            page.locator("#champ-siret").fill("73282932000074");
            page.locator("#champ-declarant_code_postal").fill("75001");
            page.locator("#champ-declarant_commune").fill("Paris");
            page.locator("#champ-declarant_telephone").fill("+33 1 40 00 00 00");
            page.locator("#champ-contact_images_telephone").fill("06 12 34 56 78");
            page.locator("#champ-declarant_email").fill("claire.martin@exemple.fr");
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");

            // … but the system itself must be in the département of the préfecture (83).
            remplirPage2(page);
            page.locator("#champ-systeme_code_postal").fill("75001");
            bouton(page, "Page suivante");
            assertThat(page.locator("#champ-systeme_code_postal-erreur")).hasText("Le code postal 75001 ne correspond pas au département 83 : "
                    + "indiquez un code postal du département de la préfecture choisie.");
            verifierAccessibilite(page);
            bouton(page, "Page précédente");
            assertThat(page.locator("#champ-siret")).hasValue("73282932000074");
            assertThat(page.locator("#champ-siret-erreur")).hasCount(0);
        }
    }

    @Test
    void champsConditionnels_masquesAvecJavaScript_affichesAvecLeurAideSansJavaScript() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            nouveauBrouillon(page);
            remplirPage1(page);
            bouton(page, "Page suivante");

            Locator autreFinalite = page.locator("#bloc-finalites_autre");
            assertThat(autreFinalite).isHidden();
            verifierAccessibilite(page);
            cocher(page, "input[name=finalites][value=autre]");
            assertThat(autreFinalite).isVisible();
            assertThat(page.getByLabel("Précisez l'autre finalité")).isEditable();
            assertThat(autreFinalite.locator("[data-condition-aide]")).isHidden();
            verifierAccessibilite(page);
            cocher(page, "input[name=finalites][value=autre]");
            assertThat(autreFinalite).isHidden();
            assertThat(page.locator("#bloc-perimetre_description")).isHidden();
            cocher(page, "input[name=perimetre_videoprotege][value=oui]");
            assertThat(page.locator("#bloc-perimetre_description")).isVisible();
            remplirPage2(page);
            assertThat(page.locator("#bloc-perimetre_description")).isHidden();
            bouton(page, "Page suivante");

            Locator duree = page.locator("#bloc-duree_conservation");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            assertThat(duree).isHidden();
            verifierAccessibilite(page);
            cocher(page, "input[name=enregistrement][value=non]");
            assertThat(duree).isHidden();
            cocher(page, "input[name=enregistrement][value=oui]");
            assertThat(duree).isVisible();
            assertThat(page.getByLabel("Durée de conservation des images (en jours)")).isEditable();
            verifierAccessibilite(page);
        }

        ComptesDeTest.Compte autreCompte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = connecte(sansJs, autreCompte);
            nouveauBrouillon(page);
            remplirPage1(page);
            bouton(page, "Page suivante");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            assertThat(page.locator("#bloc-finalites_autre")).isVisible();
            assertThat(page.locator("#bloc-finalites_autre [data-condition-aide]"))
                    .hasText("À remplir seulement si vous avez coché « Autre finalité » à la question « Finalités du système ».",
                            new LocatorAssertions.HasTextOptions().setUseInnerText(true));
            assertThat(page.locator("#bloc-perimetre_description")).isVisible();
            assertThat(page.locator("#bloc-perimetre_description [data-condition-aide]")).containsText("À remplir seulement si");
            // Fields conditioned by screen 1 were decided by the server: a shop does not see the public-road cameras.
            assertThat(page.locator("#bloc-cameras_voie_publique")).hasCount(0);
            assertThat(page.locator("#bloc-abords_immediats")).isVisible();

            // "Autre" not ticked, "précisez" left empty, no perimeter: nothing blocks.
            remplirPage2(page);
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            assertThat(page.locator("#bloc-duree_conservation")).isVisible();
            assertThat(page.locator("#bloc-duree_conservation [data-condition-aide]")).containsText("À remplir seulement si vous avez répondu « Oui »");
            assertThat(page.locator("#bloc-transmission_description")).isVisible();
            assertThat(page.locator("#bloc-attestation_remise")).isVisible();

            // A text typed in a field whose condition does not hold is dropped, not an error.
            remplirPage3(page);
            cocher(page, "input[name=enregistrement][value=non]");
            page.locator("#champ-duree_conservation").fill("45");
            bouton(page, "Valider");
            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            // The recap lists only the fields whose condition holds.
            assertThat(page.locator("main")).not().containsText("Durée de conservation");
            assertThat(page.locator("main")).not().containsText("Précisez l'autre finalité");
            assertThat(page.locator("main")).not().containsText("Décrivez le périmètre");
            assertThat(page.locator("main")).not().containsText("Destinataire et mode de transmission");
            assertThat(page.locator("main")).containsText("Les images sont-elles enregistrées ?");
        }
    }

    @Test
    void nouvelleDemande_parcoursCompletSansJavaScript() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Path affiche = pdf("affiche.pdf", "Affiche d'information du public");
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = connecte(sansJs, compte);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vidéoprotection")).click();
            assertThat(page.locator("h1")).hasText("Vidéoprotection : choisir la démarche");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demande d’autorisation d’un nouveau système")).click();
            bouton(page, "Commencer le formulaire");
            assertThat(page.locator("#lieu-erreur")).hasText("Indiquez où le système est installé.");
            cocher(page, "#lieu-un");
            bouton(page, "Commencer le formulaire");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            assertThat(page.locator("input[name=nature_demande][value=nouveau]")).isChecked();
            assertThat(page.locator("#etat-sauvegarde")).isEmpty();
            bouton(page, "Page suivante");
            assertThat(page.locator("#champ-nom_naissance-erreur")).isVisible();
            remplirPage1(page);
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            remplirPage2(page);
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            remplirPage3(page);
            bouton(page, "Valider");

            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            assertThat(page.locator("main")).containsText("Boulangerie du Port");
            bouton(page, "Valider définitivement ma demande");
            assertThat(page.locator("#certification-erreur")).isVisible();
            cocher(page, "#certification");
            bouton(page, "Valider définitivement ma demande");

            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
            assertThat(page.locator("#statut-dossier")).hasText("Transmis à la préfecture");
            String numero = page.locator("#numero-dossier").textContent();
            assertThat(jdbc.sql("select etat from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo("DEPOSE");

            page.locator("#code-piece").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Modèle d'affiche d'information du public"));
            page.locator("#fichier").setInputFiles(affiche);
            bouton(page, "Joindre ce document");
            assertThat(page.locator(".fr-alert--success")).containsText("« affiche.pdf » est joint à votre dossier");
            assertThat(lienDuTableau(page, "affiche.pdf")).isVisible();

            ecrireALaPrefecture(page, "Les plans suivront par courrier.");
            long pieces = jdbc.sql("select count(*) from piece_jointe p join dossier d on d.id = p.dossier_id where d.numero = ?")
                    .param(numero).query(Long.class).single();
            assertThat(pieces).isEqualTo(1);
        }
    }

    @Test
    void etablissementBancaire_deuxAgences_sansJavaScript_puisRecapitulatif() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id;
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = connecte(sansJs, compte);
            page.navigate(url("/usager/videoprotection"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demande d’un établissement bancaire")).click();
            assertThat(page.locator("h1")).containsText("bancaire");
            cocher(page, "#lieu-un");
            bouton(page, "Commencer le formulaire");
            assertThat(page.locator("main")).containsText("CERFA n° 14095*03");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            assertThat(page.locator("input[name=qualite]")).hasCount(0);

            page.locator("#champ-nom_naissance").fill("Durand");
            page.locator("#champ-prenom").fill("Paul");
            page.locator("#champ-denomination").fill("Banque Populaire Méditerranée");
            page.locator("#champ-activite").fill("Agences bancaires");
            page.locator("#champ-declarant_voie").fill("457 promenade des Anglais");
            page.locator("#champ-declarant_code_postal").fill("06200");
            page.locator("#champ-declarant_commune").fill("Nice");
            page.locator("#champ-declarant_telephone").fill("04 93 00 00 00");
            page.locator("#champ-contact_images_nom").fill("Direction de la sécurité");
            page.locator("#champ-contact_images_telephone").fill("04 93 00 00 01");
            bouton(page, "Page suivante");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            cocher(page, "input[name=finalites][value=securite_personnes]");
            cocher(page, "input[name=finalites][value=prevention_atteintes_biens]");
            page.locator("#champ-horaires_ouverture").fill("Du lundi au vendredi, de 8 h 30 à 17 h 30");
            cocher(page, "input[name=etablissement_recevant_public][value=oui]");
            page.locator("#champ-systeme_voie").fill("1 boulevard de Strasbourg");
            page.locator("#champ-systeme_code_postal").fill("83000");
            page.locator("#champ-systeme_commune").fill("Toulon");
            cocher(page, "input[name=perimetre_videoprotege][value=non]");
            assertThat(page.locator("#champ-agences-legende")).containsText("Agences");
            assertThat(page.locator("#champ-agences-0-legende")).hasText("Agence 1");
            assertThat(page.locator("#champ-agences-1")).hasCount(0);
            page.locator("#champ-agences-0-nom").fill("Agence Toulon Port");
            page.locator("#champ-agences-0-voie").fill("3 quai Cronstadt");
            page.locator("#champ-agences-0-code_postal").fill("83000");
            page.locator("#champ-agences-0-commune").fill("Toulon");
            page.locator("#champ-agences-0-cameras_interieures").fill("4");
            page.locator("#champ-agences-0-cameras_exterieures").fill("1");
            bouton(page, "Enregistrer et ajouter une autre agence");

            assertThat(page.locator("#champ-agences-0-nom")).hasValue("Agence Toulon Port");
            assertThat(page.locator("#champ-agences-1-legende")).hasText("Agence 2");
            assertThat(page.locator("#champ-agences-1-nom")).isEmpty();
            assertThat(page.locator("#champ-finalites-1")).isChecked();
            page.locator("#champ-agences-1-nom").fill("Agence Hyères Centre");
            page.locator("#champ-agences-1-voie").fill("8 avenue Gambetta");
            page.locator("#champ-agences-1-code_postal").fill("83400");
            page.locator("#champ-agences-1-commune").fill("Hyères");
            page.locator("#champ-agences-1-cameras_interieures").fill("3");
            page.locator("#champ-agences-1-cameras_exterieures").fill("0");
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            id = jdbc.sql("select id from dossier where usager_id = ?").param(compte.id()).query(Long.class).single();
        }

        // On another device, with JavaScript: both agencies are in the draft, and the group passes axe.
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/dossiers/" + id + "/pages/2"));
            assertThat(page.locator("#champ-agences-0-nom")).hasValue("Agence Toulon Port");
            assertThat(page.locator("#champ-agences-1-nom")).hasValue("Agence Hyères Centre");
            assertThat(page.locator("#champ-agences-2-legende")).hasText("Agence 3");
            assertThat(page.locator("#champ-agences-2-nom")).isEmpty();
            verifierAccessibilite(page);
        }

        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = connecte(sansJs, compte);
            page.navigate(url("/usager/dossiers/" + id + "/pages/3"));
            remplirPage3(page);
            bouton(page, "Valider");
            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            Locator agences = page.locator("dt", new Page.LocatorOptions().setHasText(Pattern.compile("^Agences$")))
                    .locator("xpath=following-sibling::dd[1]");
            assertThat(agences).containsText("1. Nom de l'agence : Agence Toulon Port");
            assertThat(agences).containsText("2. Nom de l'agence : Agence Hyères Centre");
            cocher(page, "#certification");
            bouton(page, "Valider définitivement ma demande");
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
            assertThat(page.locator("main")).containsText("Demande d’autorisation pour un établissement bancaire");
        }

        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/dossiers/" + id));
            assertThat(page.locator("#statut-dossier")).hasText("Transmis à la préfecture");
            Locator agences = page.locator("dt", new Page.LocatorOptions().setHasText(Pattern.compile("^Agences$")))
                    .locator("xpath=following-sibling::dd[1]");
            assertThat(agences).containsText("Agence Toulon Port");
            assertThat(agences).containsText("Code postal : 83000");
            assertThat(agences).containsText("Agence Hyères Centre");
            assertThat(agences).containsText("Commune : Hyères");
            verifierAccessibilite(page);
        }
        String formulaire = jdbc.sql("select formulaire_id || '*' || formulaire_version from dossier where id = ?").param(id)
                .query(String.class).single();
        assertThat(formulaire).isEqualTo("cerfa-14095*03");
        long nombreAgences = jdbc.sql("select jsonb_array_length(reponses->'agences') from dossier where id = ?").param(id)
                .query(Long.class).single();
        assertThat(nombreAgences).isEqualTo(2);
    }

    @Test
    void modification_explications_referenceInconnueRefusee_ancienFormatAccepte() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/videoprotection"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Déclaration de modification d’un système autorisé")).click();
            assertThat(page.locator("h1")).containsText("modification");
            Locator explications = page.locator(".fr-callout");
            assertThat(explications.locator("h2")).hasText("Demande complète ou simple message ?");
            assertThat(explications).containsText("Une demande de modification complète est nécessaire quand changent : la nature des lieux, "
                    + "les finalités, les conditions d’exploitation, la durée de conservation des images, les caractéristiques "
                    + "techniques du système ou son titulaire.");
            assertThat(explications).containsText("Un simple message à la préfecture suffit pour mettre à jour la liste des personnes "
                    + "habilitées à visionner les images, ou pour déplacer, ajouter ou retirer des caméras à l’intérieur d’un "
                    + "périmètre vidéoprotégé déjà autorisé");
            verifierAccessibilite(page);

            // A number in Guichet's format, with a right check letter, that no authorization bears.
            String inconnu = NumeroDossier.de("VP", "83", 2020, 424242).valeur();
            assertThat(jdbc.sql("select count(*) from dossier where numero = ?").param(inconnu).query(Long.class).single()).isZero();
            page.locator("#numero").fill(inconnu);
            page.locator("#dateArrete").fill("15/03/2020");
            bouton(page, "Continuer");
            assertThat(page.locator("#numero-erreur")).hasText("Aucune autorisation ne porte le numéro " + inconnu
                    + " : vérifiez le numéro inscrit sur votre arrêté.");
            assertThat(page.locator("#numero")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#resume-erreurs a[href='#numero']")).isVisible();
            assertThat(page.locator("#numero")).hasValue(inconnu);
            verifierAccessibilite(page);

            // A wrong check letter is caught too.
            page.locator("#numero").fill(inconnu.substring(0, inconnu.length() - 1) + (inconnu.endsWith("A") ? "B" : "A"));
            bouton(page, "Continuer");
            assertThat(page.locator("#numero-erreur")).containsText("la dernière lettre est une clé de contrôle");

            // An older number (before Guichet) with a past date: accepted, the préfecture will check it.
            page.locator("#numero").fill("2019/0042");
            page.locator("#dateArrete").fill("10/06/2019");
            bouton(page, "Continuer");
            assertThat(page.locator(".fr-alert--info"))
                    .hasText("Cette autorisation est antérieure à Guichet : la préfecture vérifiera les références indiquées.");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            assertThat(page.locator("input[name=nature_demande][value=modification]")).isChecked();
            assertThat(page.locator("#champ-denomination")).isEmpty();
            verifierAccessibilite(page);
        }
        List<String> reference = jdbc.sql("select demarche || ' ' || coalesce(reference_autorisation, '') from dossier where usager_id = ?")
                .param(compte.id()).query(String.class).list();
        assertThat(reference).hasSize(1);
        assertThat(reference.getFirst()).contains("2019/0042");
    }

    @Test
    void sauvegardeAutomatique_pendantLaSaisie_retrouveeSurUnAutreAppareil() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id;
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            nouveauBrouillon(page);
            assertThat(page.locator("#etat-sauvegarde")).isEmpty();
            page.locator("#champ-denomination").pressSequentially("Fromagerie des Lices");
            assertThat(page.locator("#etat-sauvegarde")).containsText("enregistré automatiquement",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(5000));
            verifierAccessibilite(page);
            id = jdbc.sql("select id from dossier where usager_id = ?").param(compte.id()).query(Long.class).single();
        }
        try (BrowserContext autreAppareil = navigateur.contexte()) {
            Page page = connecte(autreAppareil, compte);
            page.navigate(url("/usager/dossiers/" + id + "/pages/1"));
            assertThat(page.locator("#champ-denomination")).hasValue("Fromagerie des Lices");
            verifierAccessibilite(page);
        }
    }
}
