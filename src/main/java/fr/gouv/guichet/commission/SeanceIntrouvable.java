package fr.gouv.guichet.commission;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.io.Serial;

/** No such session, or one of a préfecture the agent does not belong to: 404 either way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SeanceIntrouvable extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public SeanceIntrouvable() {
        super("Séance introuvable");
    }
}
