package fr.gouv.guichet.immatriculation;

/** The registration operations a usager makes online, each a procedure of the platform (code {@code IM_<name>}). */
public enum Operation {
    CHANGEMENT_TITULAIRE("Changement de titulaire d’un véhicule d’occasion"),
    CHANGEMENT_ADRESSE("Changement d’adresse sur le certificat d’immatriculation"),
    DUPLICATA("Duplicata du certificat d’immatriculation");

    /**
     * Condition ({@code @ApplicationModuleListener(condition = …)}) of the module's listeners of an event carrying the
     * procedure code ({@code demarche()}): only the registration operations' events are stored for them (ADR 0032).
     */
    public static final String SI_EVENEMENT_D_UNE_OPERATION = "T(fr.gouv.guichet.immatriculation.Operation).estUneOperation(#p0.demarche())";
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

    /**
     * Whether this procedure code ({@code dossier.demarche}) is a registration operation: the one test of the module,
     * used by its code and by the conditions of its event listeners (ADR 0032). False for {@code null}.
     */
    public static boolean estUneOperation(@org.jspecify.annotations.Nullable String code) {
        return code != null && deCode(code).isPresent();
    }

    public static java.util.Optional<Operation> deCode(String code) {
        return java.util.Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
    }
}
