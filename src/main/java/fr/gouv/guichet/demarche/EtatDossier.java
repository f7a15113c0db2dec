package fr.gouv.guichet.demarche;

/**
 * Precise states, seen by agents; usagers see a few plain statuses mapped from them.
 */
public enum EtatDossier {
    BROUILLON("Brouillon", "Brouillon non transmis"),
    DEPOSE("Déposé", "Transmis à la préfecture"),
    EN_INSTRUCTION("En instruction", "En cours d’instruction"),
    ATTENTE_PIECES("En attente de pièces", "À compléter"),
    ATTENTE_AVIS_COMMISSION("En attente de l’avis de la commission", "En cours d’instruction"),
    AUTORISE_PROVISOIREMENT("Autorisé à titre provisoire", "Autorisé provisoirement"),
    AUTORISE("Autorisé", "Terminé : autorisé"),
    REFUSE("Refusé", "Terminé : refusé"),
    CLASSE_SANS_SUITE("Classé sans suite", "Terminé : classé sans suite");

    private final String libelleAgent;
    private final String libelleUsager;

    EtatDossier(String libelleAgent, String libelleUsager) {
        this.libelleAgent = libelleAgent;
        this.libelleUsager = libelleUsager;
    }

    public String libelleAgent() {
        return libelleAgent;
    }

    public String libelleUsager() {
        return libelleUsager;
    }

    /** Until the préfecture decides, the usager may still add documents and messages. */
    public boolean accepteDesComplements() {
        return this != BROUILLON && !estDecide();
    }

    public boolean estDecide() {
        return this == AUTORISE || this == REFUSE || this == CLASSE_SANS_SUITE;
    }
}
