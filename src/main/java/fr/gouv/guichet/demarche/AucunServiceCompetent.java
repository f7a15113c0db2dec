package fr.gouv.guichet.demarche;

import java.io.Serial;

/** No service of the competence table instructs this procedure for the dossier's département on the deposit date. */
public class AucunServiceCompetent extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public AucunServiceCompetent() {
        super("Aucun service n’instruit encore cette démarche pour ce département : votre demande est conservée en brouillon. "
                + "Réessayez plus tard ou demandez de l’aide.");
    }
}
