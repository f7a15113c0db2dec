package fr.gouv.guichet.demarche;

import java.io.Serial;

/** A dossier's stored state is not one of its procedure's lifecycle: the data and the declaration disagree. */
public class EtatInconnu extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    public EtatInconnu(String etat, String cycle) {
        super("État « " + etat + " » inconnu du cycle de vie « " + cycle + " »");
    }
}
