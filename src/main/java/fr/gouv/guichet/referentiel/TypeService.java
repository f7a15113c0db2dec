package fr.gouv.guichet.referentiel;

/** What kind of service instructs dossiers. */
public enum TypeService {
    PREFECTURE("Préfecture"),
    PREFECTURE_POLICE("Préfecture de police"),
    CERT("Centre d’expertise et de ressources des titres (CERT)"),
    MAIRIE("Mairie");

    private final String libelle;

    TypeService(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
