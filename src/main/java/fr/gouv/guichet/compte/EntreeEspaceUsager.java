package fr.gouv.guichet.compte;

/**
 * A démarche offered in the usager's space. Features contribute beans of this type; the space lists them
 * ordered by {@link #ordre()}.
 */
public interface EntreeEspaceUsager {

    String titre();

    String description();

    String url();

    default int ordre() {
        return 100;
    }
}
