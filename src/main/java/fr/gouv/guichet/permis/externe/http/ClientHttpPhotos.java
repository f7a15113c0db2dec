package fr.gouv.guichet.permis.externe.http;

import fr.gouv.guichet.permis.CodeEphoto;
import fr.gouv.guichet.permis.externe.PhotoSignature;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import fr.gouv.guichet.permis.externe.UtilisationEphoto;

import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/** {@link ServicePhotos} over HTTP: {@code GET /v1/codes/{code}}, {@code POST /v1/codes/{code}/utilisations}. */
public class ClientHttpPhotos extends ClientHttpPermis implements ServicePhotos {

    public ClientHttpPhotos(ReglagesServiceExterne reglages, Supplier<String> adresse) {
        super(ServiceExterne.PHOTOS, reglages, adresse);
    }

    @Override
    public PhotoSignature recuperer(CodeEphoto code) {
        return lire("/v1/codes/" + code.valeur(), r -> new PhotoSignature(code,
                Base64.getDecoder().decode(texte(r, "photo")), Base64.getDecoder().decode(texte(r, "signature")),
                LocalDate.parse(texte(r, "datePriseDeVue")), LocalDate.parse(texte(r, "valableJusquau")),
                Boolean.TRUE.equals(r.get("dejaUtilise"))));
    }

    @Override
    public UtilisationEphoto declarerUtilisation(CodeEphoto code, ReferenceDossier dossier) {
        return modifier("/v1/codes/" + code.valeur() + "/utilisations", Map.of("dossier", dossier.valeur()),
                r -> new UtilisationEphoto(((Number) r.get("autresDossiers")).intValue()));
    }
}
