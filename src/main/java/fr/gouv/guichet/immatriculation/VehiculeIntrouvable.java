package fr.gouv.guichet.immatriculation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such vehicle, cession or request for this usager (someone else's is not found either). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class VehiculeIntrouvable extends RuntimeException {

    public VehiculeIntrouvable() {
        super("Introuvable", null, false, false);
    }
}
