package fr.gouv.guichet.demarche;

/**
 * Where the usager goes right after depositing a dossier of a procedure, when the feature shows its own page (e.g. a
 * printable summary with a number of its own) rather than the dossier page. Features contribute beans of this type;
 * a procedure without one keeps the dossier page. Asked after the deposit transaction committed: the page it names
 * shows what is already durable.
 */
public interface SuiteDepot {

    /** The procedure ({@link Procedure#code()}) this page follows. */
    String demarche();

    /** The page (a path of the application) shown after the deposit of {@code dossierId}. */
    String page(long dossierId);

    /** The confirmation shown on that page. */
    String message(NumeroDossier numero);
}
