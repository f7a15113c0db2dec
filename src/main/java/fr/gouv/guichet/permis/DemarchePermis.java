package fr.gouv.guichet.permis;

import org.jspecify.annotations.Nullable;

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
    ECHANGE_HORS_UE("permis-echange-hors-ue", "Échange d'un permis délivré hors de l'Union européenne", false);

    /**
     * Condition ({@code @ApplicationModuleListener(condition = …)}) of the module's listeners of an event carrying the
     * procedure code ({@code demarche()}): only the licence procedures' events are stored for them (ADR 0032).
     */
    public static final String SI_EVENEMENT_DU_PERMIS = "T(fr.gouv.guichet.permis.DemarchePermis).estDuPermis(#p0.demarche())";
    /**
     * The same for an event whose publications stored before it carried the code hold {@code null} there
     * ({@code PieceAjoutee}): those are still received, the listener checks the dossier itself.
     */
    public static final String SI_EVENEMENT_DU_PERMIS_OU_ANCIEN = "#p0.demarche() == null or " + SI_EVENEMENT_DU_PERMIS;

    /** Opens the number of every licence dossier ({@code PC-083-2026-000001}). */
    public static final String PREFIXE = "PC";
    /** Family of the titles in the competence table: the CERT of the département. */
    public static final String FAMILLE = "PERMIS";
    /** EU/EEA/Swiss/Monaco/COM exchanges and the international licence: CERT EPE-PCI de Nantes (Paris: CERT de Paris). */
    public static final String FAMILLE_ECHANGE_INTERNATIONAL = "PERMIS_ECHANGE_INTERNATIONAL";
    /** Exchange of a licence from outside the EU: the préfecture, with an appointment. */
    public static final String FAMILLE_ECHANGE_HORS_UE = "PERMIS_ECHANGE_HORS_UE";

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

    /** Code of the procedure, stored on its dossiers. */
    public String code() {
        return "PC_" + name();
    }

    /** Last segment of its pages' addresses ({@code /usager/permis/perte}). */
    public String chemin() {
        return formulaire.substring("permis-".length());
    }

    /** Its family in the competence table. */
    public String famille() {
        return switch (this) {
            case ECHANGE_EUROPEEN, PERMIS_INTERNATIONAL -> FAMILLE_ECHANGE_INTERNATIONAL;
            case ECHANGE_HORS_UE -> FAMILLE_ECHANGE_HORS_UE;
            default -> FAMILLE;
        };
    }

    /** The lifecycle of its dossiers. */
    public fr.gouv.guichet.demarche.CycleDeVie cycle() {
        return switch (this) {
            case INSCRIPTION -> CyclePermis.INSCRIPTION;
            case ECHANGE_EUROPEEN, PERMIS_INTERNATIONAL -> CyclePermis.ECHANGE;
            default -> CyclePermis.TITRE;
        };
    }

    /** Whether the originals are presented at an appointment in the préfecture (exchange of a non-EU licence). */
    public boolean rendezVousEnPrefecture() {
        return this == ECHANGE_HORS_UE;
    }

    /**
     * Whether this procedure code ({@code dossier.demarche}) is a driving licence procedure: the one test of the
     * module, used by its code and by the conditions of its event listeners (an event of another procedure is not
     * even stored in the outbox for them, ADR 0032). False for {@code null}.
     */
    public static boolean estDuPermis(@Nullable String code) {
        return code != null && depuisCode(code).isPresent();
    }

    public static Optional<DemarchePermis> depuisCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
    }

    public static Optional<DemarchePermis> depuisChemin(String chemin) {
        return Arrays.stream(values()).filter(d -> d.chemin().equals(chemin)).findFirst();
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
