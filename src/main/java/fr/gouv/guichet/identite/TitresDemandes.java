package fr.gouv.guichet.identite;

/** What a pré-demande asks for: an identity card, a passport, or both at the same appointment. */
public enum TitresDemandes {
    CNI("Carte nationale d’identité", true, false),
    PASSEPORT("Passeport", false, true),
    CNI_PASSEPORT("Carte nationale d’identité et passeport", true, true);

    private final String libelle;
    private final boolean cni;
    private final boolean passeport;

    TitresDemandes(String libelle, boolean cni, boolean passeport) {
        this.libelle = libelle;
        this.cni = cni;
        this.passeport = passeport;
    }

    /** From the form's answer ("cni", "passeport", "cni_passeport"). */
    public static TitresDemandes depuisReponse(String reponse) {
        return valueOf(reponse.toUpperCase(java.util.Locale.ROOT));
    }

    public String libelle() {
        return libelle;
    }

    public boolean cni() {
        return cni;
    }

    public boolean passeport() {
        return passeport;
    }
}
