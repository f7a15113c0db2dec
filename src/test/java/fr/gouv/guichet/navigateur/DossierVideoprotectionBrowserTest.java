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
class DossierVideoprotectionBrowserTest extends ParcoursDossierNavigateur {

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
            // The piece-type select has a value from the start; the breadcrumb's last item is a real link (this page).
            assertThat(page.locator("#code-piece option[selected]")).hasCount(1);
            assertThat(page.locator(".fr-breadcrumb__link[aria-current=page]"))
                    .hasAttribute("href", java.util.regex.Pattern.compile("/usager/dossiers/\\d+$"));

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
}
