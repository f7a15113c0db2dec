package fr.gouv.guichet.demarche;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.io.Serial;

/**
 * An account or dossier quota ({@link QuotasDossiers}) found reached at the moment of recording, under the account's
 * lock: nothing was recorded. Its message is the French explanation to show the usager next to the field; a page that
 * does not catch it answers 429 with a generic explanation.
 */
@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class QuotaAtteint extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public QuotaAtteint(String message) {
        super(message);
    }
}
