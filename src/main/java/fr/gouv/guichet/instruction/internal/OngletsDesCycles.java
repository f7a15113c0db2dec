package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * Every state a feature declares sits in a tab of the queue (or is a draft, which the queue never shows): checked at
 * start-up, so that a lifecycle naming an unknown tab stops the application with a clear message instead of hiding
 * dossiers.
 */
@Component
class OngletsDesCycles {

    static final String BROUILLON = "BROUILLON";

    OngletsDesCycles(Procedures procedures) {
        for (Procedure p : procedures.toutes()) {
            for (Etat e : p.cycle().etats()) {
                boolean connu = e.estBrouillon() ? BROUILLON.equals(e.onglet())
                        : Arrays.stream(Onglet.values()).anyMatch(o -> o.name().equals(e.onglet()));
                if (!connu) {
                    throw new IllegalStateException("L’état " + e.code() + " de la démarche " + p.code() + " est rangé dans l’onglet "
                            + e.onglet() + ", que la file des agents n’a pas (onglets : " + Arrays.toString(Onglet.values())
                            + ", et " + BROUILLON + " pour un brouillon).");
                }
            }
        }
    }
}
