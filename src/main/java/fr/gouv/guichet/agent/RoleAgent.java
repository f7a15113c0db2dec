package fr.gouv.guichet.agent;

public enum RoleAgent {
    INSTRUCTEUR("Instructeur"),
    ADMINISTRATEUR("Administrateur du service");

    private final String libelle;

    RoleAgent(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
