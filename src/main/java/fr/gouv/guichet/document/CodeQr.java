package fr.gouv.guichet.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** QR codes for PDF templates, as {@code data:} URIs (the PDF renderer loads no external resource). */
public final class CodeQr {

    private static final int PIXELS_PAR_MODULE = 8;

    private CodeQr() {
    }

    /** A black-and-white PNG of the QR code of {@code texte} (error correction M, quiet zone of 4 modules). */
    public static String dataUriPng(String texte) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(texte));
    }

    static byte[] png(String texte) {
        if (texte.isEmpty()) {
            throw new IllegalArgumentException("Le texte du code QR est vide");
        }
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(texte, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Texte trop long pour un code QR", e);
        }
        int cote = modules.getWidth() * PIXELS_PAR_MODULE;
        BufferedImage image = new BufferedImage(cote, cote, BufferedImage.TYPE_BYTE_BINARY);
        // Samples written module by module on the raster (1 = white, 0 = black in the binary palette): setRGB per
        // pixel goes through the colour model and cost ~40 × more (issue 18 profile).
        WritableRaster raster = image.getRaster();
        int[] blanc = new int[PIXELS_PAR_MODULE * PIXELS_PAR_MODULE];
        java.util.Arrays.fill(blanc, 1);
        int[] noir = new int[blanc.length];
        for (int my = 0; my < modules.getHeight(); my++) {
            for (int mx = 0; mx < modules.getWidth(); mx++) {
                raster.setSamples(mx * PIXELS_PAR_MODULE, my * PIXELS_PAR_MODULE, PIXELS_PAR_MODULE, PIXELS_PAR_MODULE, 0,
                        modules.get(mx, my) ? noir : blanc);
            }
        }
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", sortie);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sortie.toByteArray();
    }
}
