package fr.gouv.guichet.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What the tests read back from a generated PDF.
 *
 * @param brut             text as extracted (lines kept)
 * @param texte            text with every run of white space (including no-break spaces) turned into one space
 * @param balise           the PDF has a structure tree (tagged PDF)
 * @param images           raster images over all pages
 * @param policesIntegrees every font is embedded and is DejaVu Sans
 */
record PdfLu(byte[] octets, String brut, String texte, String titre, String auteur, String langue, boolean balise,
             int pages, int images, boolean policesIntegrees) {

    static PdfLu lire(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper extracteur = new PDFTextStripper();
            extracteur.setSortByPosition(true);
            String brut = extracteur.getText(document);
            int images = 0;
            boolean policesIntegrees = true;
            for (PDPage page : document.getPages()) {
                PDResources ressources = page.getResources();
                for (COSName nom : ressources.getXObjectNames()) {
                    if (ressources.isImageXObject(nom)) {
                        images++;
                    }
                }
                for (COSName nom : ressources.getFontNames()) {
                    policesIntegrees &= ressources.getFont(nom).isEmbedded()
                            && ressources.getFont(nom).getName().contains("DejaVuSans");
                }
            }
            return new PdfLu(pdf, brut, brut.replaceAll("[\\s\u00A0\u202F]+", " "),
                    document.getDocumentInformation().getTitle(), document.getDocumentInformation().getAuthor(),
                    document.getDocumentCatalog().getLanguage(),
                    document.getDocumentCatalog().getStructureTreeRoot() != null,
                    document.getNumberOfPages(), images, policesIntegrees);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean estUnPdf() {
        return new String(octets, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }

    /** How many times {@code morceau} occurs in the text, spaces ignored (a line may wrap anywhere). */
    int occurrences(String morceau) {
        String sansEspaces = texte.replace(" ", "");
        return sansEspaces.split(Pattern.quote(morceau.replace(" ", "")), -1).length - 1;
    }
}
