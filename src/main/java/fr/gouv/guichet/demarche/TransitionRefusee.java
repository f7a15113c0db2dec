package fr.gouv.guichet.demarche;

import java.io.Serial;

/** A guard of the lifecycle refused the transition; the message says why, in French, for the agent. */
public class TransitionRefusee extends TransitionImpossible {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String raison;

    public TransitionRefusee(Transition transition, Etat etat, String raison) {
        super(transition, etat);
        this.raison = raison;
    }

    public String raison() {
        return raison;
    }
}
