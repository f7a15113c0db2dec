package fr.gouv.guichet.tiers.internal;

import java.util.Map;

/** The two kinds of trusted third party of the sources (seeds 001, 002, 004): car professionals and driving schools. */
public enum TypeTiers {
    PROFESSIONNEL_AUTOMOBILE("professionnel_automobile", "Professionnel de l’automobile habilité"),
    AUTO_ECOLE("auto_ecole", "École de conduite agréée");

    /** An approved driving school files licence procedures: this is its one activity. */
    public static final String ACTIVITE_ENSEIGNEMENT = "enseignement_conduite";

    private static final Map<String, String> ACTIVITES = Map.of("vente", "Vente de véhicules", "reparation", "Réparation",
            "location", "Location", "depannage", "Dépannage et fourrière", "demolition", "Démolition (centre VHU)",
            ACTIVITE_ENSEIGNEMENT, "Enseignement de la conduite");

    private final String valeur;
    private final String libelle;

    TypeTiers(String valeur, String libelle) {
        this.valeur = valeur;
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public static TypeTiers depuisReponse(String valeur) {
        for (TypeTiers t : values()) {
            if (t.valeur.equals(valeur)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Type de tiers inconnu : " + valeur);
    }

    public static String libelleActivite(String code) {
        return ACTIVITES.getOrDefault(code, code);
    }

    public static Map<String, String> activites() {
        return ACTIVITES;
    }
}
