package fr.gouv.guichet.demarche;

import java.io.Serial;

/** The answers read under lock at deposit do not pass validation: nothing is deposited, the usager is sent back. */
public class ReponsesNonValides extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ReponsesNonValides() {
        super("Réponses non validées : dépôt refusé");
    }
}
