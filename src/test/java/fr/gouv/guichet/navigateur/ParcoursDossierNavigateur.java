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

/** Shared set-up of the videoprotection dossier browser journeys (Chromium, axe-core). */
@TestGuichet
abstract class ParcoursDossierNavigateur {

    static final Pattern NUMERO_VP = Pattern.compile("VP-083-\\d{4}-\\d{6}-[A-Z]");

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
        assertThat(page.locator(".fr-alert--success")).containsText("Votre message a été envoyé au service qui instruit votre dossier : Préfecture");
        assertThat(page.locator(".fr-callout").filter(new Locator.FilterOptions().setHasText(texte))).containsText("Vous, le");
    }

    Path pdf(String nom, String texte) {
        Path fichier = dossierTemporaire.resolve(nom);
        try {
            Files.write(fichier, pdf(texte));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fichier;
    }

    /** A one-page PDF showing the text. */
    static byte[] pdf(String texte) {
        try (PDDocument document = new PDDocument(); java.io.ByteArrayOutputStream sortie = new java.io.ByteArrayOutputStream()) {
            PDPage pageA4 = new PDPage();
            document.addPage(pageA4);
            try (PDPageContentStream contenu = new PDPageContentStream(document, pageA4)) {
                contenu.beginText();
                contenu.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                contenu.newLineAtOffset(72, 720);
                contenu.showText(texte);
                contenu.endText();
            }
            document.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

}
