package fr.gouv.guichet.piece;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JPEG files carrying an EXIF Orientation tag, as phone cameras write them (APP1 "Exif" segment right after SOI,
 * TIFF header in either byte order, tag 0x0112 in IFD0): the photo is stored upright.
 */
public class PhotoTelephoneTest {

    /** A landscape shot: 60 × 30, red on the left half, blue on the right half. */
    public static byte[] photoPaysage() throws IOException {
        BufferedImage image = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 30, 30);
        g.setColor(Color.BLUE);
        g.fillRect(30, 0, 30, 30);
        g.dispose();
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", octets);
        return octets.toByteArray();
    }

    /** The JPEG with an APP1 Exif segment carrying the orientation, inserted after SOI as cameras do. */
    public static byte[] avecOrientation(byte[] jpeg, int orientation, ByteOrder ordre) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(ordre);
        tiff.put(ordre == ByteOrder.LITTLE_ENDIAN ? new byte[]{'I', 'I'} : new byte[]{'M', 'M'});
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(4).put(new byte[]{'F', 'o', 'n', 0}); // Make, ASCII
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        sortie.write(0xFF);
        sortie.write(0xD8);
        sortie.write(0xFF);
        sortie.write(0xE1);
        sortie.write((exif.length + 2) >> 8);
        sortie.write((exif.length + 2) & 0xFF);
        sortie.writeBytes(exif);
        sortie.write(jpeg, 2, jpeg.length - 2);
        return sortie.toByteArray();
    }

    private static BufferedImage lire(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static boolean rouge(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getBlue() < 80;
    }

    private static boolean bleu(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 80;
    }

    @Test
    void photoPriseTelephoneTourneVersLaDroite_orientation6_estRedressee() throws IOException {
        byte[] photo = avecOrientation(photoPaysage(), 6, ByteOrder.BIG_ENDIAN);
        assertThat(PhotoTelephone.orientation(photo)).isEqualTo(6);
        assertThat(lire(photo).getWidth()).isEqualTo(60); // ImageIO ignores the tag: this is what a naive viewer shows

        byte[] droite = PhotoTelephone.redresser(photo);
        BufferedImage image = lire(droite);
        // Turned 90° clockwise: 30 wide, 60 high, the left (red) half of the sensor now on top.
        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(image.getHeight()).isEqualTo(60);
        assertThat(rouge(image.getRGB(15, 10))).isTrue();
        assertThat(bleu(image.getRGB(15, 50))).isTrue();
        // Written again without the tag, so that no viewer turns it a second time.
        assertThat(PhotoTelephone.orientation(droite)).isEqualTo(1);
    }

    @Test
    void chaqueOrientationExif_enPetitEtGrandBoutien() throws IOException {
        for (ByteOrder ordre : new ByteOrder[]{ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            BufferedImage o3 = lire(PhotoTelephone.redresser(avecOrientation(photoPaysage(), 3, ordre)));
            assertThat(o3.getWidth()).isEqualTo(60);
            assertThat(bleu(o3.getRGB(10, 15))).isTrue(); // 180°: red now on the right
            BufferedImage o8 = lire(PhotoTelephone.redresser(avecOrientation(photoPaysage(), 8, ordre)));
            assertThat(o8.getHeight()).isEqualTo(60);
            assertThat(bleu(o8.getRGB(15, 10))).isTrue(); // 90° counter-clockwise: the right (blue) half on top
            BufferedImage o2 = lire(PhotoTelephone.redresser(avecOrientation(photoPaysage(), 2, ordre)));
            assertThat(bleu(o2.getRGB(10, 15))).isTrue(); // mirrored
            BufferedImage o5 = lire(PhotoTelephone.redresser(avecOrientation(photoPaysage(), 5, ordre)));
            assertThat(o5.getWidth()).isEqualTo(30);
            assertThat(rouge(o5.getRGB(15, 10))).isTrue(); // transposed: left half on top
            BufferedImage o7 = lire(PhotoTelephone.redresser(avecOrientation(photoPaysage(), 7, ordre)));
            assertThat(o7.getWidth()).isEqualTo(30);
            assertThat(bleu(o7.getRGB(15, 10))).isTrue(); // transverse: right half on top
        }
    }

    @Test
    void uneImageDroite_unPdf_unExifAbime_sontGardesTelsQuels() throws IOException {
        byte[] droite = avecOrientation(photoPaysage(), 1, ByteOrder.BIG_ENDIAN);
        assertThat(PhotoTelephone.redresser(droite)).isSameAs(droite);
        byte[] sansExif = photoPaysage();
        assertThat(PhotoTelephone.redresser(sansExif)).isSameAs(sansExif);
        byte[] pdf = "%PDF-1.7\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(PhotoTelephone.redresser(pdf)).isSameAs(pdf);
        byte[] abime = avecOrientation(photoPaysage(), 6, ByteOrder.BIG_ENDIAN);
        abime[4] = (byte) 0xFF; // segment length now past the end of the file
        assertThat(PhotoTelephone.orientation(abime)).isEqualTo(1);
        byte[] tronque = java.util.Arrays.copyOf(avecOrientation(photoPaysage(), 6, ByteOrder.BIG_ENDIAN), 40);
        assertThat(PhotoTelephone.redresser(tronque)).isSameAs(tronque);
    }
}
