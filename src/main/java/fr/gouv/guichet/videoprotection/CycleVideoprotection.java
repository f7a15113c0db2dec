package fr.gouv.guichet.videoprotection;

import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.EtatsCommuns;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.demarche.Transition;

import java.time.Period;
import java.util.List;

import static fr.gouv.guichet.demarche.TypeActeur.AGENT;

/**
 * The lifecycle of every videoprotection dossier (CSI L252-1 and following): instruction by the préfecture, opinion of
 * the commission départementale, provisional authorization in urgency, arrêté. Silence kept 4 months after receipt
 * of a complete dossier means rejection. {@code demarche} runs it; the queue tabs are those of {@code instruction}.
 */
public final class CycleVideoprotection {

    public static final Etat BROUILLON = EtatsCommuns.brouillon();
    public static final Etat DEPOSE = EtatsCommuns.depose("Transmis à la préfecture");
    public static final Etat EN_INSTRUCTION = Etat.de("EN_INSTRUCTION", "En instruction", StatutUsager.EN_COURS,
            "En cours d’instruction", "EN_INSTRUCTION");
    public static final Etat ATTENTE_PIECES = EtatsCommuns.attentePieces();
    public static final Etat ATTENTE_AVIS_COMMISSION = Etat.de("ATTENTE_AVIS_COMMISSION", "En attente de l’avis de la commission",
            StatutUsager.EN_COURS, "En cours d’instruction", "ATTENTE_COMMISSION");
    public static final Etat AUTORISE_PROVISOIREMENT = Etat.de("AUTORISE_PROVISOIREMENT", "Autorisé à titre provisoire",
            StatutUsager.EN_COURS, "Autorisé provisoirement", "EN_INSTRUCTION");
    public static final Etat AUTORISE = Etat.de("AUTORISE", "Autorisé", StatutUsager.TERMINE, "Terminé : autorisé", "DECIDES");
    public static final Etat REFUSE = Etat.de("REFUSE", "Refusé", StatutUsager.TERMINE, "Terminé : refusé", "DECIDES");
    public static final Etat CLASSE_SANS_SUITE = Etat.de("CLASSE_SANS_SUITE", "Classé sans suite", StatutUsager.TERMINE,
            "Terminé : classé sans suite", "DECIDES");

    public static final Transition DEPOSER = EtatsCommuns.deposer(BROUILLON, DEPOSE, "Dépôt du dossier");
    public static final Transition PRENDRE_EN_CHARGE = Transition.de("PRENDRE_EN_CHARGE", AGENT, "Prise en charge par la préfecture",
                    EN_INSTRUCTION, DEPOSE)
            .avecAvis("nouvelle étape", "Un agent de la préfecture a pris votre dossier en charge.");
    public static final Transition DEMANDER_PIECES = Transition.de(CycleDeVie.DEMANDER_PIECES, AGENT, "Demande de pièces complémentaires",
                    ATTENTE_PIECES, DEPOSE, EN_INSTRUCTION)
            .avecAvis("des pièces complémentaires sont demandées", "La préfecture a besoin de documents complémentaires. "
                    + "Joignez-les dans votre dossier puis indiquez que vous les avez transmis.");
    public static final Transition COMPLETER = EtatsCommuns.completer(ATTENTE_PIECES, EN_INSTRUCTION);
    public static final Transition INSCRIRE_COMMISSION = Transition.de("INSCRIRE_COMMISSION", AGENT,
                    "Inscription à une séance de la commission départementale", ATTENTE_AVIS_COMMISSION, EN_INSTRUCTION, AUTORISE_PROVISOIREMENT)
            .avecAvis("nouvelle étape", "Votre dossier est inscrit à l’ordre du jour de la commission départementale de "
                    + "vidéoprotection, qui rendra un avis au préfet.");
    public static final Transition AUTORISER_PROVISOIREMENT = Transition.de("AUTORISER_PROVISOIREMENT", AGENT,
                    "Autorisation provisoire (urgence, menace terroriste)", AUTORISE_PROVISOIREMENT, EN_INSTRUCTION, ATTENTE_AVIS_COMMISSION)
            .avecAvis("autorisation provisoire", "Le préfet a autorisé votre système à titre provisoire, dans l’attente de l’avis "
                    + "de la commission.")
            .joignant("arrete_provisoire");
    public static final Transition AUTORISER = Transition.de("AUTORISER", AGENT, "Autorisation par arrêté préfectoral", AUTORISE,
                    ATTENTE_AVIS_COMMISSION, AUTORISE_PROVISOIREMENT)
            .avecAvis("décision d’autorisation", "Le préfet a autorisé votre système : l’arrêté est disponible dans votre dossier.")
            .joignant("arrete");
    public static final Transition REFUSER = Transition.de("REFUSER", AGENT, "Refus motivé", REFUSE,
                    EN_INSTRUCTION, ATTENTE_AVIS_COMMISSION, AUTORISE_PROVISOIREMENT)
            .avecAvis("décision de refus", "Le préfet a refusé l’autorisation : la décision motivée et les voies de recours sont "
                    + "dans votre dossier.")
            .joignant("refus");
    public static final Transition CLASSER_SANS_SUITE = Transition.de("CLASSER_SANS_SUITE", AGENT, "Classement sans suite",
                    CLASSE_SANS_SUITE, DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES, ATTENTE_AVIS_COMMISSION)
            .avecAvis("classement sans suite", "Votre dossier a été classé sans suite : le motif figure dans votre dossier.");

    public static final CycleDeVie CYCLE = new CycleDeVie("videoprotection",
            List.of(BROUILLON, DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES, ATTENTE_AVIS_COMMISSION, AUTORISE_PROVISOIREMENT, AUTORISE,
                    REFUSE, CLASSE_SANS_SUITE),
            List.of(DEPOSER, PRENDRE_EN_CHARGE, DEMANDER_PIECES, COMPLETER, INSCRIRE_COMMISSION, AUTORISER_PROVISOIREMENT, AUTORISER,
                    REFUSER, CLASSER_SANS_SUITE),
            Period.ofMonths(4));

    private CycleVideoprotection() {
    }
}
