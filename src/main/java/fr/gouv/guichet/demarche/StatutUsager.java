package fr.gouv.guichet.demarche;

/**
 * The few plain statuses a usager sees, whatever the procedure (Lutece GRU's generic statuses). Each state of a
 * lifecycle maps to one of them; the state may word it more precisely for the usager.
 */
public enum StatutUsager {
    BROUILLON("Brouillon"),
    DEPOSE("Déposé"),
    EN_COURS("En cours"),
    A_COMPLETER("À compléter"),
    TERMINE("Terminé");

    private final String libelle;

    StatutUsager(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
