package fr.gouv.guichet.permis;

import java.util.Arrays;
import java.util.Optional;

/**
 * The driving licence procedures Guichet takes online, each with its versioned form definition
 * ({@code classpath:formulaires/permis/<formulaire>-<version>.json}, loaded by {@code FormulairesPermis}).
 * The timbre due for each, if any, is dated data ({@code tarifs-timbres/permis.csv}, read by the {@code timbre}
 * module under {@link #motifTimbre()}), never a constant here.
 */
public enum DemarchePermis {
    INSCRIPTION("permis-inscription", "Inscription au permis de conduire (NEPH)", false),
    TITRE_APRES_EXAMEN("permis-titre-apres-examen", "Demande de titre après réussite à l'examen", false),
    PERTE("permis-perte", "Perte du permis de conduire", false),
    VOL("permis-vol", "Vol du permis de conduire", false),
    DETERIORATION("permis-deterioration", "Permis de conduire détérioré", false),
    RENOUVELLEMENT("permis-renouvellement", "Renouvellement du permis (fin de validité)", false),
    CHANGEMENT_ETAT_CIVIL("permis-changement-etat-civil", "Changement d'état civil sur le permis", false),
    ECHANGE_EUROPEEN("permis-echange-europeen",
            "Échange d'un permis de l'Union européenne, de l'EEE, de Suisse, de Monaco ou d'une collectivité d'outre-mer", true),
    PERMIS_INTERNATIONAL("permis-international", "Permis de conduire international", true),
    ECHANGE_HORS_UE("permis-echange-hors-ue", "Échange d'un permis délivré hors de l'Union européenne", true);

    private final String formulaire;
    private final String libelle;
    private final boolean originauxParCourrier;

    DemarchePermis(String formulaire, String libelle, boolean originauxParCourrier) {
        this.formulaire = formulaire;
        this.libelle = libelle;
        this.originauxParCourrier = originauxParCourrier;
    }

    /** Id of the form definition in the form engine. */
    public String formulaire() {
        return formulaire;
    }

    public String libelle() {
        return libelle;
    }

    /**
     * Whether originals (the foreign licence, the paper request of the international licence) still go by post
     * to the instructing CERT, with a printable cover sheet ({@code titres.md}, {@code 004_…} [S]).
     */
    public boolean originauxParCourrier() {
        return originauxParCourrier;
    }

    /** The motif under which the {@code timbre} module's dated table gives this procedure's amount. */
    public String motifTimbre() {
        return "PERMIS_" + name();
    }

    public static Optional<DemarchePermis> depuisFormulaire(String idFormulaire) {
        return Arrays.stream(values()).filter(d -> d.formulaire.equals(idFormulaire)).findFirst();
    }
}
