package fr.gouv.guichet.piece;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, point 11: PDFs made by the test, carrying JavaScript, an embedded file or a compression bomb, are refused. */
class ContenuActifPdfTest {

    private final InspecteurFichier inspecteur = new InspecteurFichier(DataSize.ofMegabytes(20));

    @Test
    void pdfOrdinaire_accepte() throws IOException {
        assertThat(inspecteur.inspecter("plan.pdf", pdf(document -> {
        }))).isInstanceOf(FichierAccepte.class);
    }

    @Test
    void pdfAvecJavaScriptALOuverture_refuseAvecMessageFrancais() throws IOException {
        ResultatInspection resultat = inspecteur.inspecter("plan.pdf", pdf(document ->
                document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('bonjour');"))));
        assertThat(resultat).isInstanceOfSatisfying(FichierRefuse.class, refus -> {
            assertThat(refus.motif()).isEqualTo(FichierRefuse.MotifRefus.CONTENU_ACTIF);
            assertThat(refus.message()).contains("plan.pdf").contains("JavaScript");
        });
    }

    @Test
    void pdfAvecFichierEmbarque_refuse() throws IOException {
        ResultatInspection resultat = inspecteur.inspecter("plan.pdf", pdf(document -> {
            PDEmbeddedFile fichier = new PDEmbeddedFile(document, new ByteArrayInputStream("MZ exécutable".getBytes(StandardCharsets.UTF_8)));
            PDComplexFileSpecification specification = new PDComplexFileSpecification();
            specification.setFile("outil.exe");
            specification.setEmbeddedFile(fichier);
            PDEmbeddedFilesNameTreeNode arbre = new PDEmbeddedFilesNameTreeNode();
            arbre.setNames(Map.of("outil.exe", specification));
            PDDocumentNameDictionary noms = new PDDocumentNameDictionary(document.getDocumentCatalog());
            noms.setEmbeddedFiles(arbre);
            document.getDocumentCatalog().setNames(noms);
        }));
        assertThat(resultat).isInstanceOfSatisfying(FichierRefuse.class, refus ->
                assertThat(refus.message()).contains("un autre fichier"));
    }

    @Test
    void bombeDeCompression_refuseeSansToutDecompresser() throws IOException {
        ResultatInspection resultat = inspecteur.inspecter("plan.pdf", pdf(document -> {
            COSStream flux = document.getDocument().createCOSStream();
            try (OutputStream sortie = flux.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 300; i++) {
                    sortie.write(zeros);
                }
            }
            document.getPage(0).getCOSObject().setItem(COSName.getPDFName("Bombe"), flux);
        }));
        assertThat(resultat).isInstanceOfSatisfying(FichierRefuse.class, refus ->
                assertThat(refus.message()).contains("anormalement volumineux"));
    }

    private interface Preparation {
        void preparer(PDDocument document) throws IOException;
    }

    private static byte[] pdf(Preparation preparation) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            preparation.preparer(document);
            document.save(sortie);
            return sortie.toByteArray();
        }
    }
}
