package fr.gouv.guichet.piece;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/** Tiny real files built in memory for the tests. */
public final class EchantillonsFichiers {

    private EchantillonsFichiers() {
    }

    /** A minimal valid one-page PDF, with a correct cross-reference table; {@code remplissage} bytes of comment. */
    public static byte[] pdf(int remplissage) {
        String contenu = "BT /F1 12 Tf 72 720 Td (Bonjour) Tj ET";
        List<String> objets = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + contenu.length() + " >>\nstream\n" + contenu + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        pdf.append("%").append("x".repeat(Math.max(0, remplissage))).append('\n');
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < objets.size(); i++) {
            positions.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objets.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objets.size() + 1).append("\n0000000000 65535 f \n");
        positions.forEach(p -> pdf.append(String.format("%010d 00000 n \n", p)));
        pdf.append("trailer\n<< /Size ").append(objets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pdf() {
        return pdf(0);
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x000091);
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, sortie)) {
                throw new IllegalStateException("Pas d’écrivain ImageIO pour " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sortie.toByteArray();
    }

    /** {@code png} with a tEXt chunk inserted right after IHDR (offset 33). */
    static byte[] pngAvecTexte(String texte) {
        byte[] png = png();
        byte[] donnees = ("Comment\0" + texte).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer morceau = ByteBuffer.allocate(12 + donnees.length);
        morceau.putInt(donnees.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(donnees);
        CRC32 crc = new CRC32();
        crc.update(morceau.array(), 4, 4 + donnees.length);
        morceau.putInt((int) crc.getValue());
        return concat(Arrays.copyOf(png, 33), morceau.array(), Arrays.copyOfRange(png, 33, png.length));
    }

    /** {@code jpeg} with a COM segment inserted right after SOI. */
    static byte[] jpegAvecCommentaire(String texte) {
        byte[] jpeg = jpeg();
        byte[] donnees = texte.getBytes(StandardCharsets.ISO_8859_1);
        int longueur = donnees.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (longueur >> 8), (byte) longueur}, donnees);
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static byte[] concat(byte[]... parties) {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        for (byte[] partie : parties) {
            sortie.writeBytes(partie);
        }
        return sortie.toByteArray();
    }

    static byte[] ascii(String texte) {
        return texte.getBytes(StandardCharsets.ISO_8859_1);
    }
}
