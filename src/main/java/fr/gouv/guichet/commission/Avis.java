package fr.gouv.guichet.commission;

/** The opinion of the commission on a dossier (CSI R252-15). */
public enum Avis {
    FAVORABLE("Favorable"),
    FAVORABLE_AVEC_RESERVES("Favorable avec réserves"),
    DEFAVORABLE("Défavorable");

    private final String libelle;

    Avis(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    /** Reserves and unfavourable opinions must be spelled out: they are quoted in the decision. */
    public boolean exigeUnTexte() {
        return this != FAVORABLE;
    }
}
