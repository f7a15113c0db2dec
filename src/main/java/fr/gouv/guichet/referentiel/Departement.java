package fr.gouv.guichet.referentiel;

/** A département and its préfecture (Paris is served by the Préfecture de police). */
public record Departement(String code, String nom, String chefLieu, String region, String libellePrefecture) {

    /** e.g. "Var (83)". */
    public String libelle() {
        return nom + " (" + code + ")";
    }
}
