package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.FichierRefuse.MotifRefus;
import fr.gouv.guichet.piece.TypeContenu;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Recognises PDF, JPEG and PNG from their first and last bytes, and refuses what is known to be dangerous or broken:
 * <ul>
 *   <li>PDF: {@code %PDF-} at offset 0 and {@code %%EOF} in the last 1024 bytes, followed only by whitespace;</li>
 *   <li>JPEG: {@code FF D8 FF} at offset 0 and {@code FF D9} at the end (trailing NUL/whitespace padding tolerated);</li>
 *   <li>PNG: the 8-byte signature, {@code IHDR} as first chunk and the exact {@code IEND} chunk at the end;</li>
 *   <li>HTML, scripts and ZIP archives ({@code <html}, {@code <script}, {@code PK\3\4} at offset 0) are refused;</li>
 *   <li>polyglots: an image carrying {@code %PDF-}, {@code <script}, {@code <html} or {@code <?php} in its first
 *       1024 bytes, or any file with a ZIP end-of-directory record in its last 1024 bytes.</li>
 * </ul>
 * This does not look inside a PDF (scripts, embedded files): a later step (antivirus, rasterisation) can.
 */
public final class SignaturesContenu {

    private static final byte[] PDF_DEBUT = ascii("%PDF-");
    private static final byte[] PDF_FIN = ascii("%%EOF");
    private static final byte[] JPEG_DEBUT = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] JPEG_FIN = {(byte) 0xFF, (byte) 0xD9};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_IHDR = {0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] ZIP_DEBUT = {'P', 'K', 3, 4};
    private static final byte[] ZIP_FIN_REPERTOIRE = {'P', 'K', 5, 6};
    private static final List<byte[]> DEBUTS_INTERDITS = List.of(ascii("<html"), ascii("<script"), ZIP_DEBUT);
    private static final List<byte[]> INTRUS_DANS_IMAGE =
            List.of(PDF_DEBUT, ascii("<script"), ascii("<html"), ascii("<?php"));

    private SignaturesContenu() {
    }

    /** Either a recognised type or a reason to refuse. */
    public record Verdict(@Nullable TypeContenu type, @Nullable MotifRefus refus) {

        static Verdict reconnu(TypeContenu type) {
            return new Verdict(type, null);
        }

        static Verdict refuse(MotifRefus motif) {
            return new Verdict(null, motif);
        }
    }

    public static Verdict analyser(byte[] debut, byte[] fin) {
        if (debut.length == 0) {
            return Verdict.refuse(MotifRefus.VIDE);
        }
        byte[] debutMinuscule = minuscules(debut);
        for (byte[] interdit : DEBUTS_INTERDITS) {
            if (commencePar(debutMinuscule, minuscules(interdit))) {
                return Verdict.refuse(MotifRefus.FORMAT_NON_ACCEPTE);
            }
        }
        if (indexOf(fin, ZIP_FIN_REPERTOIRE) >= 0) {
            return Verdict.refuse(MotifRefus.CONTENU_SUSPECT);
        }
        if (commencePar(debut, PDF_DEBUT)) {
            return finPdfCorrecte(fin) ? Verdict.reconnu(TypeContenu.PDF) : Verdict.refuse(MotifRefus.ENDOMMAGE);
        }
        if (commencePar(debut, JPEG_DEBUT)) {
            return image(TypeContenu.JPEG, debut, finitPar(sansRembourrage(fin), JPEG_FIN));
        }
        if (commencePar(debut, PNG_SIGNATURE)) {
            boolean complet = debut.length >= 16 && indexOf(debut, PNG_IHDR) == PNG_SIGNATURE.length
                    && finitPar(fin, PNG_IEND);
            return image(TypeContenu.PNG, debut, complet);
        }
        return Verdict.refuse(MotifRefus.FORMAT_NON_ACCEPTE);
    }

    private static Verdict image(TypeContenu type, byte[] debut, boolean complet) {
        if (!complet) {
            return Verdict.refuse(MotifRefus.ENDOMMAGE);
        }
        byte[] debutMinuscule = minuscules(debut);
        for (byte[] intrus : INTRUS_DANS_IMAGE) {
            if (indexOf(debutMinuscule, minuscules(intrus)) >= 0) {
                return Verdict.refuse(MotifRefus.CONTENU_SUSPECT);
            }
        }
        return Verdict.reconnu(type);
    }

    private static boolean finPdfCorrecte(byte[] fin) {
        int position = lastIndexOf(fin, PDF_FIN);
        if (position < 0) {
            return false;
        }
        for (int i = position + PDF_FIN.length; i < fin.length; i++) {
            if (!estRembourrage(fin[i])) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sansRembourrage(byte[] fin) {
        int longueur = fin.length;
        while (longueur > 0 && estRembourrage(fin[longueur - 1])) {
            longueur--;
        }
        return Arrays.copyOf(fin, longueur);
    }

    private static boolean estRembourrage(byte b) {
        return b == 0 || b == ' ' || b == '\r' || b == '\n' || b == '\t' || b == '\f';
    }

    private static boolean commencePar(byte[] contenu, byte[] prefixe) {
        return contenu.length >= prefixe.length && indexOf(contenu, prefixe, 0, 1) == 0;
    }

    private static boolean finitPar(byte[] contenu, byte[] suffixe) {
        return contenu.length >= suffixe.length
                && indexOf(contenu, suffixe, contenu.length - suffixe.length, contenu.length - suffixe.length + 1) >= 0;
    }

    static int indexOf(byte[] contenu, byte[] motif) {
        return indexOf(contenu, motif, 0, contenu.length - motif.length + 1);
    }

    private static int lastIndexOf(byte[] contenu, byte[] motif) {
        for (int i = contenu.length - motif.length; i >= 0; i--) {
            if (indexOf(contenu, motif, i, i + 1) == i) {
                return i;
            }
        }
        return -1;
    }

    /** First position in [from, to) where {@code motif} starts, or -1. */
    private static int indexOf(byte[] contenu, byte[] motif, int from, int to) {
        int limite = Math.min(to, contenu.length - motif.length + 1);
        for (int i = Math.max(0, from); i < limite; i++) {
            int j = 0;
            while (j < motif.length && contenu[i + j] == motif[j]) {
                j++;
            }
            if (j == motif.length) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] minuscules(byte[] octets) {
        byte[] copie = octets.clone();
        for (int i = 0; i < copie.length; i++) {
            if (copie[i] >= 'A' && copie[i] <= 'Z') {
                copie[i] = (byte) (copie[i] + ('a' - 'A'));
            }
        }
        return copie;
    }

    private static byte[] ascii(String texte) {
        return texte.getBytes(StandardCharsets.US_ASCII);
    }
}
