package fr.gouv.guichet.immatriculation;

/** The registration operations a usager makes online, each a procedure of the platform (code {@code IM_<name>}). */
public enum Operation {
    CHANGEMENT_TITULAIRE("Changement de titulaire d’un véhicule d’occasion"),
    CHANGEMENT_ADRESSE("Changement d’adresse sur le certificat d’immatriculation"),
    DUPLICATA("Duplicata du certificat d’immatriculation");

    public static final String PREFIXE_NUMERO = "IM";
    public static final String FAMILLE = "IMMATRICULATION";
    public static final String FORMULAIRE = "immatriculation-operation";

    private final String libelle;

    Operation(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public String code() {
        return "IM_" + name();
    }

    public static java.util.Optional<Operation> deCode(String code) {
        return java.util.Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
    }
}
