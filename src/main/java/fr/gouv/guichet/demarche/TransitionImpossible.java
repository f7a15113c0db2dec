package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.io.Serial;

/** The action is not allowed in the dossier's current state (answered 409). */
@ResponseStatus(HttpStatus.CONFLICT)
public class TransitionImpossible extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public TransitionImpossible(@Nullable Transition transition, Etat etat) {
        super("Action impossible (" + (transition == null ? "complément" : transition.code()) + ") dans l’état " + etat.libelleAgent());
    }
}
