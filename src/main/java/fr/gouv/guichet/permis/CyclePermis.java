package fr.gouv.guichet.permis;

import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.EtatsCommuns;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.demarche.Transition;

import java.util.List;

import static fr.gouv.guichet.demarche.TypeActeur.AGENT;
import static fr.gouv.guichet.demarche.TypeActeur.SYSTEME;

/**
 * The lifecycle of a request for a driving licence title (loss first; issue 12, point 10): the CERT instructs, asks
 * for documents, refuses or validates; the validated title goes to production then is shipped, both steps reported
 * by the production service ({@link fr.gouv.guichet.demarche.TypeActeur#SYSTEME}). No implicit decision is declared:
 * its rule is not in the project's sources yet.
 */
public final class CyclePermis {

    /** What the usager may do against a refusal (CRPA L411-2, code de justice administrative R421-1). */
    public static final String VOIES_DE_RECOURS = "Vous pouvez contester cette décision dans un délai de deux mois à compter "
            + "de sa notification : par un recours gracieux auprès du préfet du département de votre domicile, par un recours "
            + "hiérarchique auprès du ministre de l’intérieur, ou par un recours contentieux devant le tribunal administratif "
            + "compétent, y compris par l’application Télérecours citoyens (www.telerecours.fr).";

    /** The document of the decision refusing a request (PDF rendered after the refusal, sent with its e-mail). */
    public static final String PIECE_DECISION_REFUS = "refus_permis";

    public static final Etat BROUILLON = EtatsCommuns.brouillon();
    public static final Etat DEPOSE = EtatsCommuns.depose("Transmis au centre d’instruction");
    public static final Etat EN_INSTRUCTION = Etat.de("EN_INSTRUCTION", "En instruction", StatutUsager.EN_COURS,
            "En cours d’instruction", "EN_INSTRUCTION");
    public static final Etat ATTENTE_PIECES = EtatsCommuns.attentePieces();
    public static final Etat VALIDE = Etat.de("VALIDE", "Validé", StatutUsager.EN_COURS, "Validé : titre à fabriquer", "DECIDES");
    public static final Etat EN_PRODUCTION = Etat.de("EN_PRODUCTION", "En production", StatutUsager.EN_COURS,
            "Titre en cours de fabrication", "DECIDES");
    public static final Etat EXPEDIE = Etat.de("EXPEDIE", "Expédié", StatutUsager.TERMINE, "Terminé : titre expédié", "DECIDES");
    public static final Etat REFUSE = Etat.de("REFUSE", "Refusé", StatutUsager.TERMINE, "Terminé : refusé", "DECIDES");

    public static final Transition DEPOSER = EtatsCommuns.deposer(BROUILLON, DEPOSE, "Dépôt de la demande");
    public static final Transition PRENDRE_EN_CHARGE = Transition.de("PRENDRE_EN_CHARGE", AGENT, "Prise en charge par le centre",
                    EN_INSTRUCTION, DEPOSE)
            .avecAvis("nouvelle étape", "Un agent du centre d’instruction a pris votre demande en charge.");
    public static final Transition DEMANDER_PIECES = Transition.de(CycleDeVie.DEMANDER_PIECES, AGENT, "Demande de pièces complémentaires",
                    ATTENTE_PIECES, DEPOSE, EN_INSTRUCTION)
            .avecAvis("des pièces complémentaires sont demandées", "Le centre d’instruction a besoin de documents complémentaires. "
                    + "Joignez-les dans votre dossier puis indiquez que vous les avez transmis.");
    public static final Transition COMPLETER = EtatsCommuns.completer(ATTENTE_PIECES, EN_INSTRUCTION);
    public static final Transition VALIDER = Transition.de("VALIDER", AGENT, "Validation de la demande", VALIDE, EN_INSTRUCTION)
            .avecAvis("demande validée", "Votre demande est validée : votre titre va être fabriqué.");
    public static final Transition LANCER_PRODUCTION = Transition.de("LANCER_PRODUCTION", SYSTEME, "Titre mis en fabrication",
                    EN_PRODUCTION, VALIDE)
            .avecAvis("titre en fabrication", "Votre titre est commandé au service de fabrication des titres : la date de fabrication "
                    + "prévue figure dans le suivi de votre dossier. Vous recevrez un courriel à son expédition.");
    public static final Transition EXPEDIER = Transition.de("EXPEDIER", SYSTEME, "Titre expédié", EXPEDIE, EN_PRODUCTION)
            .avecAvis("titre expédié", "Votre titre vous est envoyé par courrier suivi à l’adresse indiquée dans votre demande : "
                    + "le numéro de suivi et la date de livraison prévue figurent dans le suivi de votre dossier.");
    public static final Transition REFUSER = Transition.de("REFUSER", AGENT, "Refus motivé", REFUSE, DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES)
            .avecAvis("décision de refus", "Votre demande est refusée : le motif figure dans le suivi de votre dossier et la décision "
                    + "motivée, avec les voies de recours, parmi ses documents et jointe à ce courriel. " + VOIES_DE_RECOURS)
            .joignant(PIECE_DECISION_REFUS);

    public static final CycleDeVie TITRE = new CycleDeVie("permis-titre",
            List.of(BROUILLON, DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES, VALIDE, EN_PRODUCTION, EXPEDIE, REFUSE),
            List.of(DEPOSER, PRENDRE_EN_CHARGE, DEMANDER_PIECES, COMPLETER, VALIDER, LANCER_PRODUCTION, EXPEDIER, REFUSER),
            null);

    // ---- Inscription: the CERT checks the file; the NEPH is given at the deposit (issue 12, point 6). ----

    public static final Etat INSCRIPTION_VALIDEE = Etat.de("INSCRIPTION_VALIDEE", "Inscription validée", StatutUsager.TERMINE,
            "Terminé : inscription validée, vous pouvez passer l’examen", "DECIDES");
    public static final Transition VALIDER_INSCRIPTION = Transition.de("VALIDER_INSCRIPTION", AGENT, "Validation de l’inscription",
                    INSCRIPTION_VALIDEE, EN_INSTRUCTION)
            .avecAvis("inscription validée", "Votre inscription au permis de conduire est validée : vous pouvez vous présenter "
                    + "aux épreuves avec votre numéro NEPH.");

    public static final CycleDeVie INSCRIPTION = new CycleDeVie("permis-inscription",
            List.of(BROUILLON, DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES, INSCRIPTION_VALIDEE, REFUSE),
            List.of(DEPOSER, PRENDRE_EN_CHARGE, DEMANDER_PIECES, COMPLETER, VALIDER_INSCRIPTION, REFUSER),
            null);

    // ---- Exchanges and international licence: the originals go by post to the CERT, which records their reception. ----

    public static final Etat ORIGINAUX_ATTENDUS = Etat.de(CycleDeVie.DEPOSE, "Déposé, originaux attendus", StatutUsager.DEPOSE,
            "Transmis au centre d’instruction : envoyez vos originaux", "A_TRAITER");
    public static final Etat ORIGINAUX_RECUS = Etat.de("ORIGINAUX_RECUS", "Originaux reçus", StatutUsager.EN_COURS,
            "Originaux reçus par le centre d’instruction", "A_TRAITER");
    public static final Transition DEPOSER_ECHANGE = EtatsCommuns.deposer(BROUILLON, ORIGINAUX_ATTENDUS, "Dépôt de la demande");
    public static final Transition RECEVOIR_ORIGINAUX = Transition.de("RECEVOIR_ORIGINAUX", AGENT, "Réception des originaux",
                    ORIGINAUX_RECUS, ORIGINAUX_ATTENDUS)
            .avecAvis("originaux reçus", "Le centre d’instruction a reçu les originaux que vous avez envoyés par courrier.");
    public static final Transition PRENDRE_EN_CHARGE_ECHANGE = Transition.de("PRENDRE_EN_CHARGE", AGENT,
                    "Prise en charge par le centre", EN_INSTRUCTION, ORIGINAUX_RECUS)
            .avecAvis("nouvelle étape", "Un agent du centre d’instruction a pris votre demande en charge.");
    public static final Transition DEMANDER_PIECES_ECHANGE = Transition.de(CycleDeVie.DEMANDER_PIECES, AGENT,
                    "Demande de pièces complémentaires", ATTENTE_PIECES, ORIGINAUX_ATTENDUS, ORIGINAUX_RECUS, EN_INSTRUCTION)
            .avecAvis("des pièces complémentaires sont demandées", "Le centre d’instruction a besoin de documents complémentaires. "
                    + "Joignez-les dans votre dossier puis indiquez que vous les avez transmis.");
    public static final Transition REFUSER_ECHANGE = Transition.de("REFUSER", AGENT, "Refus motivé", REFUSE,
                    ORIGINAUX_ATTENDUS, ORIGINAUX_RECUS, EN_INSTRUCTION, ATTENTE_PIECES)
            .avecAvis("décision de refus", "Votre demande est refusée : la décision motivée et les voies de recours sont dans votre "
                    + "dossier et jointes à ce courriel. " + VOIES_DE_RECOURS)
            .joignant(PIECE_DECISION_REFUS);

    public static final CycleDeVie ECHANGE = new CycleDeVie("permis-echange",
            List.of(BROUILLON, ORIGINAUX_ATTENDUS, ORIGINAUX_RECUS, EN_INSTRUCTION, ATTENTE_PIECES, VALIDE, EN_PRODUCTION, EXPEDIE, REFUSE),
            List.of(DEPOSER_ECHANGE, RECEVOIR_ORIGINAUX, PRENDRE_EN_CHARGE_ECHANGE, DEMANDER_PIECES_ECHANGE, COMPLETER, VALIDER,
                    LANCER_PRODUCTION, EXPEDIER, REFUSER_ECHANGE),
            null);

    private CyclePermis() {
    }
}
