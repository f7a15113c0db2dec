package fr.gouv.guichet.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateurPdfTest {

    private static byte[] pdf;
    private static String texte;
    private static String texteSansEspaces;

    @BeforeAll
    static void genererLeRecepisse() throws IOException {
        pdf = new GenerateurPdf(Exemples.moteur()).genererRecepisse(Exemples.recepisse());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper extracteur = new PDFTextStripper();
            extracteur.setSortByPosition(true);
            texte = extracteur.getText(document).replaceAll("[\\s\u00A0\u202F]+", " ");
            texteSansEspaces = texte.replace(" ", "");
        }
    }

    @Test
    void produit_un_pdf() {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void porte_les_mentions_legales_de_l_accuse_de_reception() {
        assertThat(texte).contains(
                "RÉPUBLIQUE FRANÇAISE",
                "Liberté Égalité Fraternité",
                "Accusé de réception de votre demande",
                "Dossier n° VP-2026-000123",
                "Demande d’autorisation d’un système de vidéoprotection",
                "Votre demande a été reçue le 23 novembre 2026 à 14 h 05",
                "Bureau de la vidéoprotection",
                "Préfecture de l’Aude",
                "52 rue Jean Bringer 11000 Carcassonne",
                "Téléphone : 04 68 10 27 00",
                "Courriel : pref-videoprotection@aude.gouv.fr",
                "Le silence gardé par le préfet pendant quatre mois à compter de la réception d’un dossier complet"
                        + " vaut décision de rejet",
                "réputée rejetée si vous n’avez pas reçu de réponse le 23 mars 2027",
                "la préfecture vous indiquera les pièces et informations manquantes",
                "Le délai de quatre mois est alors suspendu à compter de cette demande, jusqu’à la réception des pièces et"
                        + " informations, ou au plus tard jusqu’à cette date limite",
                "(article L114-5",
                "recours gracieux auprès du préfet",
                "recours hiérarchique auprès du ministre de l’Intérieur",
                "recours contentieux devant le tribunal administratif de Montpellier, 6 rue Pitot, CS 99002, 34063 Montpellier Cedex 2.",
                "délai de deux mois",
                "Télérecours citoyens, accessible sur le site www.telerecours.fr",
                "L112-11, R112-5 et R112-11-1");
    }

    @Test
    void reprend_le_demandeur_les_reponses_et_les_pieces() {
        assertThat(texte).contains(
                "3 place Carnot 11000 Carcassonne",
                "Nombre de caméras intérieures 3",
                "Caméra « entrée » & caisse",
                "Modèle d’affiche : L’affiche informant le public, avec le pictogramme.",
                "Exposé succinct",
                "K7Q2-9XWD",
                "https://guichet.interieur.gouv.fr/verifier",
                "Page 1 sur ");
    }

    @Test
    void affiche_le_balisage_saisi_comme_du_texte() {
        assertThat(texte).contains("Boulangerie Éloïse & Fils <script>alert(1)</script>");
        assertThat(texteSansEspaces.split("<script>alert\\(1\\)</script>", -1)).hasSize(3);
    }

    @Test
    void renseigne_les_metadonnees() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Accusé de réception de votre demande – dossier n° VP-2026-000123");
            assertThat(info.getAuthor()).isEqualTo("Guichet — téléprocédures des préfectures");
            assertThat(info.getProducer()).isEqualTo("Guichet — téléprocédures des préfectures");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
        }
    }

    @Test
    void embarque_la_police_et_le_code_qr() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (COSName nom : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(nom)) {
                        images++;
                    }
                }
                for (COSName nom : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(nom).isEmbedded()).isTrue();
                    assertThat(page.getResources().getFont(nom).getName()).contains("DejaVuSans");
                }
            }
            assertThat(images).isEqualTo(1);
        }
    }

    @Test
    void refuse_un_nom_de_gabarit_qui_sortirait_du_repertoire() {
        GenerateurPdf generateur = new GenerateurPdf(Exemples.moteur());

        assertThatThrownBy(() -> generateur.generer("../layout", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generateur.generer("Recepisse", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ne_charge_aucune_ressource_externe(@TempDir Path dossier) throws IOException {
        Path image = dossier.resolve("image.png");
        Files.write(image, CodeQr.png("secret"));
        Files.createDirectories(dossier.resolve("pdf"));
        Files.writeString(dossier.resolve("pdf/essai.html"), """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org" lang="fr">
                <head><title>Essai</title>
                <link rel="stylesheet" th:href="${css}"/></head>
                <body style="font-family: 'DejaVu Sans'">
                <p>Essai</p>
                <img th:src="${fichier}" alt="fichier local"/>
                <img th:src="${distante}" alt="image distante"/>
                <img th:src="${donnees}" alt="image en données"/>
                </body></html>
                """);
        FileTemplateResolver resolveur = new FileTemplateResolver();
        resolveur.setPrefix(dossier + "/");
        resolveur.setSuffix(".html");
        resolveur.setTemplateMode(TemplateMode.HTML);
        resolveur.setCharacterEncoding("UTF-8");
        TemplateEngine moteur = new SpringTemplateEngine();
        moteur.setTemplateResolver(resolveur);

        byte[] essai = new GenerateurPdf(moteur).generer("essai", Map.of(
                "css", image.toUri().toString(),
                "fichier", image.toUri().toString(),
                "distante", "http://127.0.0.1:9/image.png",
                "donnees", CodeQr.dataUriPng("public")));

        try (PDDocument document = Loader.loadPDF(essai)) {
            PDPage page = document.getPage(0);
            long images = 0;
            for (COSName nom : page.getResources().getXObjectNames()) {
                if (page.getResources().isImageXObject(nom)) {
                    images++;
                }
            }
            assertThat(images).isEqualTo(1);
        }
    }
}
