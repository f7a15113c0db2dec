package fr.gouv.guichet.permis.externe;

import fr.gouv.guichet.permis.CodeEphoto;

import java.time.LocalDate;

/**
 * The photo (JPEG) and signature (PNG) of an ePhoto code.
 *
 * @param dejaUtilise whether the code was already used for a dossier
 */
public record PhotoSignature(CodeEphoto code, byte[] photoJpeg, byte[] signaturePng, LocalDate datePriseDeVue,
                             LocalDate valableJusquau, boolean dejaUtilise) {

    public PhotoSignature {
        if (photoJpeg.length == 0 || signaturePng.length == 0) {
            throw new IllegalArgumentException("Photo ou signature vide pour le code " + code);
        }
    }
}
