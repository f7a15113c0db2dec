package fr.gouv.guichet.compte;

import java.util.List;

/**
 * What "Mon espace" shows first to a returning usager: the drafts to resume and the dossiers that wait for them.
 * The feature that keeps dossiers contributes one bean of this type; the space names no démarche.
 */
public interface SuiviDossiersUsager {

    /** One line: what it is, unique among the lines ({@code titre}), its state in plain words ({@code detail}), where to act. */
    record ElementASuivre(String titre, String detail, String url) {
    }

    /** Dossiers waiting for the usager first, then the most recent drafts ({@code nombre} lines at most). */
    List<ElementASuivre> aReprendre(long usagerId, int nombre);
}
