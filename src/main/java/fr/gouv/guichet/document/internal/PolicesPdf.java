package fr.gouv.guichet.document.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts embedded (subset) in every PDF: DejaVu Sans regular and bold, from {@code pdf/polices/} (license in
 * {@code LICENSE-DejaVu.txt}). Templates use {@code font-family: 'DejaVu Sans'}; it covers accents, « », ’ and the
 * narrow no-break space. The fonts are used without their glyph substitution table (GSUB): PDFBox would otherwise
 * print "fi" as the ligature U+FB01, so that a copied address ("…/verifier") or word no longer matches what was
 * written, and screen readers read it badly. French needs no substitution: accented letters are precomposed.
 */
public final class PolicesPdf {

    public static final String FAMILLE = "DejaVu Sans";

    private static final byte[] NORMALE = sansSubstitutions(lire("/pdf/polices/DejaVuSans.ttf"));
    private static final byte[] GRASSE = sansSubstitutions(lire("/pdf/polices/DejaVuSans-Bold.ttf"));

    /**
     * Font metrics (glyph widths, ascent, descent…) read from the fonts once per JVM and shared by every render,
     * instead of being parsed again for each document (issue 18). The fonts never change while the JVM runs.
     */
    private static final Metriques METRIQUES = new Metriques();

    private PolicesPdf() {
    }

    public static void enregistrer(PdfRendererBuilder constructeur) {
        constructeur.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRIQUES);
        constructeur.useFont(() -> new ByteArrayInputStream(NORMALE), FAMILLE, 400, FontStyle.NORMAL, true);
        constructeur.useFont(() -> new ByteArrayInputStream(GRASSE), FAMILLE, 700, FontStyle.NORMAL, true);
    }

    /**
     * Hides the GSUB table of a TrueType font by renaming its entry in the table directory (tag, checksum, offset,
     * length: 16 bytes each from offset 12): readers ignore an unknown table, and the subset embedded leaves it out.
     */
    static byte[] sansSubstitutions(byte[] police) {
        byte[] copie = police.clone();
        int tables = ((copie[4] & 0xFF) << 8) | (copie[5] & 0xFF);
        for (int i = 0; i < tables; i++) {
            int entree = 12 + 16 * i;
            if (copie[entree] == 'G' && copie[entree + 1] == 'S' && copie[entree + 2] == 'U' && copie[entree + 3] == 'B') {
                copie[entree] = 'X';
            }
        }
        return copie;
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

    /** The metrics cache (the library's default one logs every lookup at INFO level). */
    private static final class Metriques implements FSCacheEx<String, FSCacheValue> {

        private final ConcurrentHashMap<String, FSCacheValue> valeurs = new ConcurrentHashMap<>();

        @Override
        public void put(String cle, FSCacheValue valeur) {
            valeurs.put(cle, valeur);
        }

        @Override
        public FSCacheValue get(String cle, Callable<? extends FSCacheValue> calcul) {
            FSCacheValue valeur = valeurs.get(cle);
            if (valeur != null) {
                return valeur;
            }
            try {
                valeur = calcul.call();
            } catch (Exception e) {
                throw new IllegalStateException("Métriques de police illisibles : " + cle, e);
            }
            if (valeur != null) {
                valeurs.putIfAbsent(cle, valeur);
            }
            return valeur;
        }

        @Override
        public FSCacheValue get(String cle) {
            return valeurs.get(cle);
        }
    }
}
