package fr.gouv.guichet.instruction;

import fr.gouv.guichet.demarche.Dossier;

/**
 * A block a feature adds to the agent's dossier page (e.g. the checks a procedure needs before deciding), shown above
 * the actions. The page is already reserved to the dossier's service when {@link #donnees} is called. A feature
 * declares it as a bean; the page asks {@link #concerne} first, so a procedure that has no such block pays nothing
 * (no query, no call) for it.
 */
public interface EncartDossier {

    /** Whether this dossier gets the block: decided on what the dossier already carries (its procedure), without I/O. */
    boolean concerne(Dossier dossier);

    /**
     * The Thymeleaf template holding the fragment {@code encart(donnees)}, e.g. {@code "permis/controles"}; its text is
     * the feature's, its first heading an {@code h2}.
     */
    String gabarit();

    /** What the fragment shows. */
    Object donnees(Dossier dossier);

    /** One block ready to render. */
    record Rendu(String gabarit, Object donnees) {
    }
}
