package fr.gouv.guichet.demarche;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.io.Serial;

/** Not found, or not this person's: both answer 404 so that nobody learns another's dossier exists. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DossierIntrouvable extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DossierIntrouvable() {
        super("Dossier introuvable");
    }
}
