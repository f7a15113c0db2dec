package fr.gouv.guichet.permis;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cover sheet the usager prints and puts with the originals sent by post to the CERT (exchange of an EU licence,
 * international licence): the dossier number as text and as a Code 128 barcode (read at the CERT's mail desk), the
 * CERT's address, what to enclose. Rendered from the deposited dossier, so it reads the same at each download.
 */
@Component
public class BordereauEnvoi {

    private final GenerateurPdf pdf;
    private final InstructionDossiers dossiers;
    private final ServicesInstructeurs services;

    BordereauEnvoi(GenerateurPdf pdf, InstructionDossiers dossiers, ServicesInstructeurs services) {
        this.pdf = pdf;
        this.dossiers = dossiers;
        this.services = services;
    }

    public byte[] pdf(Dossier dossier) {
        if (dossier.numero() == null) {
            throw new IllegalStateException("Pas de bordereau pour un brouillon");
        }
        DemarchePermis demarche = DemarchePermis.depuisCode(dossier.demarche()).orElseThrow();
        ServiceInstructeur service = dossiers.service(dossier.id()).flatMap(services::parCode).orElseThrow();
        Reponses r = new Reponses(dossier.reponses());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("numeroDossier", dossier.numero());
        v.put("libelleDemarche", demarche.libelle());
        v.put("codeBarres", codeBarres(dossier.numero()));
        v.put("demandeur", (r.texte("prenoms") + " " + r.texte("nom")).strip());
        v.put("service", service.libelle());
        v.put("adresse", service.coordonnees().lignesAdresse());
        v.put("originaux", originaux(demarche));
        return pdf.generer("bordereau-permis", v);
    }

    static List<String> originaux(DemarchePermis demarche) {
        List<String> originaux = new ArrayList<>();
        if (demarche == DemarchePermis.PERMIS_INTERNATIONAL) {
            originaux.add("Aucun original de votre permis français : gardez-le. Joignez une enveloppe affranchie à votre adresse "
                    + "si le centre vous le demande.");
        } else {
            originaux.add("L’original de votre permis de conduire étranger (il vous sera échangé contre le permis français).");
        }
        originaux.add("Ce bordereau, imprimé, sur le dessus de l’envoi.");
        return originaux;
    }

    /** A Code 128 barcode of the number, as a PNG {@code data:} URI (the PDF renderer loads no outside resource). */
    static String codeBarres(String texte) {
        BitMatrix barres = new Code128Writer().encode(texte, BarcodeFormat.CODE_128, 0, 0, Map.of(EncodeHintType.MARGIN, 10));
        int echelle = 3;
        int hauteur = 60;
        BufferedImage image = new BufferedImage(barres.getWidth() * echelle, hauteur, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < image.getWidth(); x++) {
            int couleur = barres.get(x / echelle, 0) ? 0x000000 : 0xFFFFFF;
            for (int y = 0; y < hauteur; y++) {
                image.setRGB(x, y, couleur);
            }
        }
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", sortie);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(sortie.toByteArray());
    }
}
