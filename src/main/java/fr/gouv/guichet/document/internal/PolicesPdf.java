package fr.gouv.guichet.document.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts embedded (subset) in every PDF: DejaVu Sans regular and bold, from {@code pdf/polices/} (license in
 * {@code LICENSE-DejaVu.txt}). Templates use {@code font-family: 'DejaVu Sans'}; it covers accents, « », ’ and the
 * narrow no-break space.
 */
public final class PolicesPdf {

    public static final String FAMILLE = "DejaVu Sans";

    private static final byte[] NORMALE = lire("/pdf/polices/DejaVuSans.ttf");
    private static final byte[] GRASSE = lire("/pdf/polices/DejaVuSans-Bold.ttf");

    private PolicesPdf() {
    }

    public static void enregistrer(PdfRendererBuilder constructeur) {
        constructeur.useFont(() -> new ByteArrayInputStream(NORMALE), FAMILLE, 400, FontStyle.NORMAL, true);
        constructeur.useFont(() -> new ByteArrayInputStream(GRASSE), FAMILLE, 700, FontStyle.NORMAL, true);
    }

    private static byte[] lire(String ressource) {
        try (InputStream flux = PolicesPdf.class.getResourceAsStream(ressource)) {
            if (flux == null) {
                throw new IllegalStateException("Police introuvable dans le classpath : " + ressource);
            }
            return flux.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
