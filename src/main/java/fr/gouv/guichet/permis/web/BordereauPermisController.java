package fr.gouv.guichet.permis.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.permis.BordereauEnvoi;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.DemarchePermis;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The printable cover sheet of the originals sent by post (issue 12, point 5b), for the usager's own dossier only. */
@Controller
class BordereauPermisController {

    private final Dossiers dossiers;
    private final UsagerCourant usagerCourant;
    private final BordereauEnvoi bordereau;

    BordereauPermisController(Dossiers dossiers, UsagerCourant usagerCourant, BordereauEnvoi bordereau) {
        this.dossiers = dossiers;
        this.usagerCourant = usagerCourant;
        this.bordereau = bordereau;
    }

    @GetMapping("/usager/permis/dossiers/{id}/bordereau.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Dossier dossier = dossiers.deLUsager(id, usagerCourant.exiger().id())
                .filter(d -> !d.estBrouillon() && d.numero() != null)
                .filter(d -> DemarchePermis.depuisCode(d.demarche()).map(p -> p.cycle() == CyclePermis.ECHANGE).orElse(false))
                .orElseThrow(DossierIntrouvable::new);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bordereau-envoi-" + dossier.numero() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(bordereau.pdf(dossier));
    }
}
