package fr.gouv.guichet.piece.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Looks inside an uploaded PDF (issue 10, point 11) for what an agent's reader could run or unpack: JavaScript, an
 * action launching a program or importing data, an embedded file, rich media or an XFA form, and for a compression
 * bomb (streams inflating past a bound). Every object is visited, including those inside compressed object streams;
 * decoding is bounded, so a bomb is stopped while reading it, never inflated whole.
 */
public final class ContenuActifPdf {

    /** What was found, for the message and the log. */
    public enum Constat {
        JAVASCRIPT, FICHIER_EMBARQUE, ACTION_EXTERNE, BOMBE_DE_COMPRESSION
    }

    /** Decoded content allowed for the whole file: 100 times its size, at most 256 Mio. */
    static final long FACTEUR_DECOMPRESSION = 100;
    static final long DECOMPRESSION_MAX = 256L * 1024 * 1024;

    private static final Set<COSName> JAVASCRIPT = Set.of(COSName.JAVA_SCRIPT, COSName.JS);
    private static final Set<COSName> FICHIERS = Set.of(COSName.EMBEDDED_FILE, COSName.EMBEDDED_FILES,
            COSName.getPDFName("RichMedia"), COSName.getPDFName("XFA"));
    private static final Set<COSName> ACTIONS = Set.of(COSName.getPDFName("Launch"), COSName.getPDFName("ImportData"),
            COSName.getPDFName("SubmitForm"), COSName.getPDFName("GoToE"));

    private ContenuActifPdf() {
    }

    /** The first active content or bomb found, or {@code null} for a PDF with none (or one PDFBox cannot open). */
    public static @Nullable Constat analyser(byte[] pdf) {
        long budget = Math.min(DECOMPRESSION_MAX, Math.max(1024 * 1024, pdf.length * FACTEUR_DECOMPRESSION));
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(DECOMPRESSION_MAX).streamCache)) {
            COSDocument cos = document.getDocument();
            for (COSObjectKey cle : cos.getXrefTable().keySet()) {
                COSObject objet = cos.getObjectFromPool(cle);
                COSBase contenu = objet.getObject();
                if (contenu instanceof COSDictionary dictionnaire) {
                    Constat constat = constat(dictionnaire);
                    if (constat != null) {
                        return constat;
                    }
                }
                if (contenu instanceof COSStream flux) {
                    budget -= lireBorne(flux, budget);
                    if (budget < 0) {
                        return Constat.BOMBE_DE_COMPRESSION;
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            // Not parseable by PDFBox (a truncated or hand-made file that passed the structural check): nothing
            // found; the antivirus still analyses it. Refusing it would turn away scans from odd software.
            return null;
        }
    }

    private static @Nullable Constat constat(COSDictionary dictionnaire) {
        for (COSName cle : dictionnaire.keySet()) {
            if (JAVASCRIPT.contains(cle)) {
                return Constat.JAVASCRIPT;
            }
            if (FICHIERS.contains(cle)) {
                return Constat.FICHIER_EMBARQUE;
            }
        }
        COSBase type = dictionnaire.getDictionaryObject(COSName.TYPE);
        COSBase action = dictionnaire.getDictionaryObject(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(action)) {
            return Constat.JAVASCRIPT;
        }
        if (action instanceof COSName nom && ACTIONS.contains(nom)) {
            return Constat.ACTION_EXTERNE;
        }
        if (COSName.EMBEDDED_FILE.equals(type) || COSName.getPDFName("Filespec").equals(type)
                && dictionnaire.containsKey(COSName.EF)) {
            return Constat.FICHIER_EMBARQUE;
        }
        return null;
    }

    /** Decodes the stream, stopping one byte past {@code budget}; returns the bytes decoded. */
    private static long lireBorne(COSStream flux, long budget) throws IOException {
        long lus = 0;
        byte[] tampon = new byte[64 * 1024];
        try (InputStream entree = flux.createInputStream()) {
            int n;
            while (lus <= budget && (n = entree.read(tampon)) != -1) {
                lus += n;
            }
        }
        return lus;
    }
}
