package fr.gouv.guichet.piece;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A photo taken with a phone held sideways is stored by the camera as it was shot, with an EXIF "Orientation" tag
 * telling viewers how to turn it. Not every viewer reads that tag (PDF converters, some image viewers of the agents),
 * so a JPEG whose tag asks for a turn or a flip is turned here, once, at upload, and written again without the tag: it
 * then shows upright everywhere. A JPEG that cannot be decoded, or too large to turn in memory, is kept as it was,
 * tag included (browsers apply it when they show the image).
 */
public final class PhotoTelephone {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoTelephone.class);
    /** Beyond this many pixels (about 48 Mpx) the photo is kept as sent rather than turned in memory. */
    static final long PIXELS_MAX = 48_000_000L;
    private static final float QUALITE_JPEG = 0.92f;
    private static final int TAG_ORIENTATION = 0x0112;

    private PhotoTelephone() {
    }

    /** The JPEG upright, or the same bytes if it already is, is not a JPEG, or cannot be turned. */
    public static byte[] redresser(byte[] jpeg) {
        int orientation = orientation(jpeg);
        if (orientation <= 1 || orientation > 8) {
            return jpeg;
        }
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
            if (source == null || (long) source.getWidth() * source.getHeight() > PIXELS_MAX) {
                return jpeg;
            }
            return jpeg(tourner(source, orientation));
        } catch (IOException | RuntimeException e) {
            LOG.info("Photo gardée telle quelle (orientation EXIF {} non appliquée) : {}", orientation, e.toString());
            return jpeg;
        }
    }

    /** The EXIF orientation (1 to 8) of a JPEG; 1 (upright) when it has none or it cannot be read. */
    public static int orientation(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marqueur = jpeg[i + 1] & 0xFF;
            int longueur = entier16(jpeg, i + 2, false);
            if (marqueur == 0xDA || longueur < 2 || i + 2 + longueur > jpeg.length) {
                return 1;
            }
            if (marqueur == 0xE1 && longueur >= 16 && commencePar(jpeg, i + 4, "Exif\0\0")) {
                return orientationTiff(jpeg, i + 10, i + 2 + longueur);
            }
            i += 2 + longueur;
        }
        return 1;
    }

    private static int orientationTiff(byte[] b, int debut, int fin) {
        boolean petitBoutien;
        if (commencePar(b, debut, "II")) {
            petitBoutien = true;
        } else if (commencePar(b, debut, "MM")) {
            petitBoutien = false;
        } else {
            return 1;
        }
        if (debut + 8 > fin || entier16(b, debut + 2, petitBoutien) != 42) {
            return 1;
        }
        long ifd = entier32(b, debut + 4, petitBoutien);
        if (ifd < 8 || debut + ifd + 2 > fin) {
            return 1;
        }
        int position = (int) (debut + ifd);
        int entrees = entier16(b, position, petitBoutien);
        for (int n = 0; n < entrees; n++) {
            int entree = position + 2 + 12 * n;
            if (entree + 12 > fin) {
                return 1;
            }
            if (entier16(b, entree, petitBoutien) == TAG_ORIENTATION) {
                int valeur = entier16(b, entree + 8, petitBoutien);
                return valeur >= 1 && valeur <= 8 ? valeur : 1;
            }
        }
        return 1;
    }

    /** The image as the orientation tag says it should be seen. */
    static BufferedImage tourner(BufferedImage s, int orientation) {
        int l = s.getWidth();
        int h = s.getHeight();
        boolean permute = orientation >= 5;
        BufferedImage d = new BufferedImage(permute ? h : l, permute ? l : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < d.getHeight(); y++) {
            for (int x = 0; x < d.getWidth(); x++) {
                int rgb = switch (orientation) {
                    case 2 -> s.getRGB(l - 1 - x, y);
                    case 3 -> s.getRGB(l - 1 - x, h - 1 - y);
                    case 4 -> s.getRGB(x, h - 1 - y);
                    case 5 -> s.getRGB(y, x);
                    case 6 -> s.getRGB(y, h - 1 - x);
                    case 7 -> s.getRGB(l - 1 - y, h - 1 - x);
                    case 8 -> s.getRGB(l - 1 - y, x);
                    default -> s.getRGB(x, y);
                };
                d.setRGB(x, y, rgb);
            }
        }
        return d;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter ecrivain = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        try (ImageOutputStream sortie = ImageIO.createImageOutputStream(octets)) {
            ecrivain.setOutput(sortie);
            ImageWriteParam parametres = ecrivain.getDefaultWriteParam();
            parametres.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parametres.setCompressionQuality(QUALITE_JPEG);
            ecrivain.write(null, new IIOImage(image, null, null), parametres);
        } finally {
            ecrivain.dispose();
        }
        return octets.toByteArray();
    }

    private static boolean commencePar(byte[] b, int position, String ascii) {
        if (position + ascii.length() > b.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[position + k] != (byte) ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int entier16(byte[] b, int p, boolean petitBoutien) {
        if (p + 2 > b.length) {
            return -1;
        }
        int a = b[p] & 0xFF;
        int c = b[p + 1] & 0xFF;
        return petitBoutien ? a | c << 8 : a << 8 | c;
    }

    private static long entier32(byte[] b, int p, boolean petitBoutien) {
        if (p + 4 > b.length) {
            return -1;
        }
        long fort = entier16(b, petitBoutien ? p + 2 : p, petitBoutien);
        long faible = entier16(b, petitBoutien ? p : p + 2, petitBoutien);
        return fort << 16 | faible;
    }
}
