package fr.gouv.guichet.tiers;

import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.EtatsCommuns;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.demarche.Transition;

import java.util.List;

import static fr.gouv.guichet.demarche.TypeActeur.AGENT;
import static fr.gouv.guichet.demarche.TypeActeur.SYSTEME;
import static fr.gouv.guichet.demarche.TypeActeur.USAGER;

/**
 * The lifecycle of a habilitation of a trusted third party (arrêté du 9 février 2009, art. 18-1; {@code titres.md}):
 * the préfecture of the premises instructs the request, asks for documents, refuses or habilitates (the convention
 * d’habilitation is signed then, 3 years, tacitly renewed); it may suspend or withdraw the habilitation at any time
 * with its reasons, a fraud rule may suspend it pending review ({@link fr.gouv.guichet.demarche.TypeActeur#SYSTEME}),
 * and only the préfecture lifts a suspension. The professional ends the convention with two months' notice
 * ({@link #RESILIER}); it ends at the term of the notice ({@link #FIN_CONVENTION}). Every change is a recorded transition. No implicit decision is
 * declared: the sources give none.
 */
public final class CycleHabilitation {

    public static final String PROCEDURE = "TC_HABILITATION";
    public static final String FAMILLE = "TIERS_DE_CONFIANCE";
    /**
     * Condition ({@code @ApplicationModuleListener(condition = …)}) of the module's listeners of an event carrying the
     * procedure code ({@code demarche()}): only the habilitations' events are stored for them (ADR 0032).
     */
    public static final String SI_EVENEMENT_D_UNE_HABILITATION = "T(fr.gouv.guichet.tiers.CycleHabilitation).estUneHabilitation(#p0.demarche())";
    public static final String PIECE_CONVENTION = "convention_habilitation";

    /**
     * Whether this procedure code ({@code dossier.demarche}) is the habilitation of a trusted third party: the test
     * used by the module's code and by the conditions of its event listeners (ADR 0032). False for {@code null}.
     */
    public static boolean estUneHabilitation(@org.jspecify.annotations.Nullable String code) {
        return PROCEDURE.equals(code);
    }

    public static final Etat BROUILLON = EtatsCommuns.brouillon();
    public static final Etat DEPOSE = EtatsCommuns.depose("Transmise à la préfecture");
    public static final Etat EN_INSTRUCTION = Etat.de("EN_INSTRUCTION", "En instruction", StatutUsager.EN_COURS,
            "En cours d’instruction", "EN_INSTRUCTION");
    public static final Etat ATTENTE_PIECES = EtatsCommuns.attentePieces();
    public static final Etat HABILITEE = Etat.de("HABILITEE", "Habilitée (convention signée)", StatutUsager.EN_COURS,
            "Habilitée : convention signée", "DECIDES");
    public static final Etat SUSPENDUE = Etat.de("SUSPENDUE", "Habilitation suspendue", StatutUsager.EN_COURS,
            "Habilitation suspendue", "EN_INSTRUCTION");
    public static final Etat RESILIATION_NOTIFIEE = Etat.de("RESILIATION_NOTIFIEE", "Résiliation notifiée (préavis de deux mois)",
            StatutUsager.EN_COURS, "Résiliation notifiée : la convention court jusqu’à la fin du préavis", "DECIDES");
    public static final Etat RESILIEE = Etat.de("RESILIEE", "Convention résiliée", StatutUsager.TERMINE,
            "Terminé : convention résiliée", "DECIDES");
    public static final Etat REFUSEE = Etat.de("REFUSEE", "Refusée", StatutUsager.TERMINE, "Terminé : habilitation refusée", "DECIDES");
    public static final Etat RETIREE = Etat.de("RETIREE", "Habilitation retirée", StatutUsager.TERMINE,
            "Terminé : habilitation retirée", "DECIDES");

    public static final Transition DEPOSER = EtatsCommuns.deposer(BROUILLON, DEPOSE, "Dépôt de la demande d’habilitation");
    public static final Transition PRENDRE_EN_CHARGE = Transition.de("PRENDRE_EN_CHARGE", AGENT, "Prise en charge par la préfecture",
                    EN_INSTRUCTION, DEPOSE)
            .avecAvis("nouvelle étape", "Un agent de la préfecture a pris votre demande d’habilitation en charge.");
    public static final Transition DEMANDER_PIECES = Transition.de(CycleDeVie.DEMANDER_PIECES, AGENT,
                    "Demande de pièces complémentaires", ATTENTE_PIECES, DEPOSE, EN_INSTRUCTION)
            .avecAvis("des pièces complémentaires sont demandées", "La préfecture a besoin de documents complémentaires. "
                    + "Joignez-les dans votre dossier puis indiquez que vous les avez transmis.");
    public static final Transition COMPLETER = EtatsCommuns.completer(ATTENTE_PIECES, EN_INSTRUCTION);
    public static final Transition HABILITER = Transition.de("HABILITER", AGENT, "Habilitation accordée, convention signée",
                    HABILITEE, EN_INSTRUCTION)
            .avecAvis("habilitation accordée", "La préfecture vous habilite : la convention d’habilitation signée est jointe "
                    + "et dans votre dossier. Votre espace professionnel est ouvert.")
            .joignant(PIECE_CONVENTION);
    public static final Transition REFUSER_HABILITATION = Transition.de("REFUSER_HABILITATION", AGENT, "Refus motivé de l’habilitation",
                    REFUSEE, DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES)
            .avecAvis("habilitation refusée", "La préfecture refuse votre demande d’habilitation ; ses motifs sont dans votre dossier.");
    public static final Transition SUSPENDRE = Transition.de("SUSPENDRE", AGENT, "Suspension de l’habilitation", SUSPENDUE, HABILITEE,
                    RESILIATION_NOTIFIEE)
            .avecAvis("habilitation suspendue", "La préfecture suspend votre habilitation : vous pouvez consulter vos dossiers "
                    + "mais plus en déposer. Ses motifs sont dans votre dossier.");
    public static final Transition SUSPENDRE_AUTOMATIQUEMENT = Transition.de("SUSPENDRE_AUTOMATIQUEMENT", SYSTEME,
            "Suspension automatique dans l’attente d’un examen par la préfecture", SUSPENDUE, HABILITEE, RESILIATION_NOTIFIEE);
    public static final Transition LEVER_SUSPENSION = Transition.de("LEVER_SUSPENSION", AGENT, "Levée de la suspension",
                    HABILITEE, SUSPENDUE)
            .avecAvis("suspension levée", "La préfecture lève la suspension : vous pouvez de nouveau déposer pour vos clients.");
    public static final Transition RETIRER = Transition.de("RETIRER", AGENT, "Retrait de l’habilitation", RETIREE, HABILITEE, SUSPENDUE,
                    RESILIATION_NOTIFIEE)
            .avecAvis("habilitation retirée", "La préfecture retire votre habilitation ; ses motifs sont dans votre dossier.");

    /** The professional ends the convention (titres.md: 2 months' notice); it runs until then. */
    public static final Transition RESILIER = Transition.de("RESILIER", USAGER, "Résiliation de la convention par le professionnel "
                    + "(préavis de deux mois)", RESILIATION_NOTIFIEE, HABILITEE)
            .avecAvis("résiliation enregistrée", "Votre résiliation de la convention d’habilitation est enregistrée. Vous pouvez "
                    + "déposer pour vos clients jusqu’à la fin du préavis de deux mois ; vos dossiers restent consultables ensuite.");
    /** The notice is over (or the suspended or lifted habilitation reaches the end of the notice): the convention ends. */
    public static final Transition FIN_CONVENTION = Transition.de("FIN_CONVENTION", SYSTEME, "Fin de la convention au terme du "
            + "préavis de résiliation", RESILIEE, RESILIATION_NOTIFIEE, HABILITEE, SUSPENDUE);

    public static final CycleDeVie CYCLE = new CycleDeVie("tiers-habilitation",
            List.of(BROUILLON, DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES, HABILITEE, SUSPENDUE, RESILIATION_NOTIFIEE, RESILIEE, REFUSEE,
                    RETIREE),
            List.of(DEPOSER, PRENDRE_EN_CHARGE, DEMANDER_PIECES, COMPLETER, HABILITER, REFUSER_HABILITATION, SUSPENDRE,
                    SUSPENDRE_AUTOMATIQUEMENT, LEVER_SUSPENSION, RETIRER, RESILIER, FIN_CONVENTION),
            null);

    private CycleHabilitation() {
    }
}
