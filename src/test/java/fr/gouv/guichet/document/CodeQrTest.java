package fr.gouv.guichet.document;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeQrTest {

    @Test
    void produit_un_png_en_data_uri_qui_se_relit() throws Exception {
        String texte = "https://guichet.interieur.gouv.fr/verifier?code=K7Q2-9XWD&é";

        String uri = CodeQr.dataUriPng(texte);

        assertThat(uri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(texte);
        // Black modules on a white quiet zone (not the inverse), 8 pixels per module.
        assertThat(image.getRGB(0, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(image.getRGB(4 * 8, 4 * 8)).isEqualTo(0xFF000000);
        assertThat(image.getWidth() % 8).isZero();
    }

    @Test
    void refuse_un_texte_vide() {
        assertThatThrownBy(() -> CodeQr.dataUriPng("")).isInstanceOf(IllegalArgumentException.class);
    }
}
