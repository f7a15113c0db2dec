package fr.gouv.guichet.instruction.internal;

/** Tabs of the queue; each dossier is in exactly one (column {@code dossier.onglet}, derived from its state). */
public enum Onglet {
    A_TRAITER("À traiter"),
    EN_INSTRUCTION("En instruction"),
    ATTENTE_PIECES("En attente de pièces"),
    ATTENTE_COMMISSION("En attente d’avis de la commission"),
    DECIDES("Décidés");

    private final String libelle;

    Onglet(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
