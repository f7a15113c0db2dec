package fr.gouv.guichet.immatriculation;

import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.EtatsCommuns;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.demarche.Transition;

import java.util.List;

import static fr.gouv.guichet.demarche.TypeActeur.AGENT;
import static fr.gouv.guichet.demarche.TypeActeur.SYSTEME;

/**
 * The lifecycle of a registration operation (change of holder, of address, duplicate). The dossier is deposited once
 * paid (or at once when free); Guichet then checks it automatically: a clean case is validated by the system, a case
 * that needs a person (pledge, opposition, theft flag, mismatched identity, suspicious pattern) goes to the CERT's
 * queue, where an agent accepts or rejects it. A validated operation updates the register; a new card is ordered
 * from the production service then shipped, both reported by the system; an address change on a label ends without
 * a card. Every step is a recorded transition.
 */
public final class CycleImmatriculation {

    public static final Etat BROUILLON = EtatsCommuns.brouillon();
    public static final Etat DEPOSE = EtatsCommuns.depose("Transmis au centre d’instruction (CERT)");
    public static final Etat A_EXAMINER = Etat.de("A_EXAMINER", "À examiner par un agent", StatutUsager.EN_COURS,
            "Examen par un agent du centre d’instruction", "EN_INSTRUCTION");
    public static final Etat VALIDE = Etat.de("VALIDE", "Validé", StatutUsager.EN_COURS, "Validé : registre mis à jour", "DECIDES");
    public static final Etat EN_PRODUCTION = Etat.de("EN_PRODUCTION", "Carte en fabrication", StatutUsager.EN_COURS,
            "Certificat d’immatriculation en cours de fabrication", "DECIDES");
    public static final Etat EXPEDIE = Etat.de("EXPEDIE", "Carte expédiée", StatutUsager.TERMINE,
            "Terminé : certificat d’immatriculation expédié", "DECIDES");
    public static final Etat TERMINE = Etat.de("TERMINE", "Terminé sans nouvelle carte", StatutUsager.TERMINE,
            "Terminé : registre mis à jour, étiquette envoyée", "DECIDES");
    public static final Etat REJETE = Etat.de("REJETE", "Rejeté", StatutUsager.TERMINE, "Terminé : demande rejetée", "DECIDES");

    public static final Transition DEPOSER = EtatsCommuns.deposer(BROUILLON, DEPOSE, "Demande payée et transmise");
    public static final Transition ORIENTER = Transition.de("ORIENTER", SYSTEME, "Examen par un agent nécessaire", A_EXAMINER, DEPOSE);
    public static final Transition VALIDER_AUTOMATIQUEMENT = Transition.de("VALIDER_AUTOMATIQUEMENT", SYSTEME,
            "Contrôles automatiques satisfaits", VALIDE, DEPOSE);
    public static final Transition ACCEPTER = Transition.de("ACCEPTER", AGENT, "Demande acceptée par le CERT", VALIDE, A_EXAMINER)
            .avecAvis("demande acceptée", "Le centre d’instruction a accepté votre demande : le registre est mis à jour "
                    + "et, s’il y a lieu, votre certificat d’immatriculation est fabriqué.");
    public static final Transition REJETER = Transition.de("REJETER", AGENT, "Demande rejetée par le CERT", REJETE, A_EXAMINER)
            .avecAvis("demande rejetée", "Le centre d’instruction a rejeté votre demande ; le motif figure dans votre dossier. "
                    + "Vous pouvez lui écrire depuis votre dossier.");
    public static final Transition LANCER_PRODUCTION = Transition.de("LANCER_PRODUCTION", SYSTEME, "Carte mise en fabrication",
            EN_PRODUCTION, VALIDE);
    public static final Transition EXPEDIER = Transition.de("EXPEDIER", SYSTEME, "Carte expédiée", EXPEDIE, EN_PRODUCTION);
    public static final Transition CLORE_SANS_CARTE = Transition.de("CLORE_SANS_CARTE", SYSTEME, "Étiquette d’adresse envoyée",
            TERMINE, VALIDE);

    public static final CycleDeVie CYCLE = new CycleDeVie("immatriculation",
            List.of(BROUILLON, DEPOSE, A_EXAMINER, VALIDE, EN_PRODUCTION, EXPEDIE, TERMINE, REJETE),
            List.of(DEPOSER, ORIENTER, VALIDER_AUTOMATIQUEMENT, ACCEPTER, REJETER, LANCER_PRODUCTION, EXPEDIER, CLORE_SANS_CARTE),
            null);

    private CycleImmatriculation() {
    }
}
