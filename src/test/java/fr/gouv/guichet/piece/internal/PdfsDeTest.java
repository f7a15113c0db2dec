package fr.gouv.guichet.piece.internal;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** PDFs for the antivirus tests, made with PDFBox. */
final class PdfsDeTest {

    private PdfsDeTest() {
    }

    /** A one-page PDF whose page content (Flate-compressed by PDFBox) carries {@code commentaire} as a comment. */
    static byte[] pdfCompresseAvecCommentaire(String commentaire) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                contenu.addComment(commentaire);
                contenu.addRect(10, 10, 100, 100);
                contenu.fill();
            }
            ByteArrayOutputStream sortie = new ByteArrayOutputStream();
            document.save(sortie);
            return sortie.toByteArray();
        }
    }

    /** A minimal PDF with {@code texte} in clear in a comment (what a naive scanner would see). */
    static byte[] pdfEnClair(String texte) {
        return ("%PDF-1.4\n% " + texte + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
