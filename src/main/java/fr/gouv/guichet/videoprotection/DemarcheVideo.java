package fr.gouv.guichet.videoprotection;

import fr.gouv.guichet.demarche.PiecesDemandees;
import fr.gouv.guichet.demarche.Procedure;

/** The videoprotection démarches, each a procedure on its CERFA. */
public enum DemarcheVideo {
    AUTORISATION("Demande d’autorisation d’un nouveau système", "cerfa-13806", "13806*04", "nouveau", false),
    MODIFICATION("Déclaration de modification d’un système autorisé", "cerfa-13806", "13806*04", "modification", true),
    RENOUVELLEMENT("Demande de renouvellement d’une autorisation", "cerfa-13806", "13806*04", "renouvellement", true),
    BANQUE("Demande d’autorisation pour un établissement bancaire", "cerfa-14095", "14095*03", "nouveau", false);

    public static final String PREFIXE = "VP";
    /** Family of these démarches in the competence table ({@code referentiel/competences.csv}). */
    public static final String FAMILLE = "VIDEOPROTECTION";

    private final String libelle;
    private final String formulaireId;
    private final String cerfa;
    private final String natureDemande;
    private final boolean exigeAutorisationExistante;

    DemarcheVideo(String libelle, String formulaireId, String cerfa, String natureDemande, boolean exigeAutorisationExistante) {
        this.libelle = libelle;
        this.formulaireId = formulaireId;
        this.cerfa = cerfa;
        this.natureDemande = natureDemande;
        this.exigeAutorisationExistante = exigeAutorisationExistante;
    }

    public String code() {
        return "VP_" + name();
    }

    public String libelle() {
        return libelle;
    }

    public String formulaireId() {
        return formulaireId;
    }

    /** Value of the form's "nature_demande" champ for this démarche. */
    public String natureDemande() {
        return natureDemande;
    }

    public boolean exigeAutorisationExistante() {
        return exigeAutorisationExistante;
    }

    public Procedure procedure() {
        return new Procedure(code(), libelle, PREFIXE, formulaireId, cerfa, FAMILLE, CycleVideoprotection.CYCLE,
                PiecesDemandees.avecPrecisions(PiecesAttendues::pour, "Ces documents sont ceux de la notice 51336 n°02. Vous pouvez "
                        + "aussi les déposer à l’accueil de la préfecture : dites-le dans un message ci-dessous."));
    }

    public static DemarcheVideo depuisCode(String code) {
        return valueOf(code.substring(3));
    }
}
