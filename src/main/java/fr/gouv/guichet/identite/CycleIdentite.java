package fr.gouv.guichet.identite;

import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.EtatsCommuns;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.demarche.Transition;

import java.util.List;

import static fr.gouv.guichet.demarche.TypeActeur.AGENT;
import static fr.gouv.guichet.demarche.TypeActeur.SYSTEME;

/**
 * The lifecycle of a pré-demande: validated online, taken at a town hall's counter (it is then consumed), title
 * available at that town hall, handed over; a pré-demande never taken expires after its validity. The town hall's
 * agents fire the counter's transitions; the CERT's instruction between the taking and the title is outside Guichet.
 */
public final class CycleIdentite {

    public static final Etat BROUILLON = EtatsCommuns.brouillon();
    public static final Etat DEPOSE = EtatsCommuns.depose("Pré-demande validée : à présenter dans une mairie équipée");
    public static final Etat RECUEILLIE = Etat.de("RECUEILLIE", "Demande recueillie en mairie", StatutUsager.EN_COURS,
            "Demande déposée en mairie : titre en cours de fabrication", "EN_INSTRUCTION");
    public static final Etat TITRE_DISPONIBLE = Etat.de("TITRE_DISPONIBLE", "Titre disponible en mairie", StatutUsager.EN_COURS,
            "Titre disponible : à retirer à la mairie de dépôt", "DECIDES");
    public static final Etat REMIS = Etat.de("REMIS", "Titre remis", StatutUsager.TERMINE, "Terminé : titre remis", "DECIDES");
    public static final Etat EXPIREE = Etat.de("EXPIREE", "Pré-demande expirée", StatutUsager.TERMINE,
            "Terminé : pré-demande expirée sans dépôt en mairie", "DECIDES");

    public static final Transition DEPOSER = EtatsCommuns.deposer(BROUILLON, DEPOSE, "Validation de la pré-demande");
    public static final Transition RECUEILLIR = Transition.de("RECUEILLIR", AGENT, "Demande recueillie en mairie", RECUEILLIE, DEPOSE)
            .avecAvis("demande déposée en mairie", "Votre demande a été enregistrée par la mairie : votre pré-demande est "
                    + "maintenant utilisée. Vous serez prévenu quand votre titre sera disponible.");
    public static final Transition SIGNALER_DISPONIBLE = Transition.de("SIGNALER_DISPONIBLE", AGENT, "Titre disponible en mairie",
                    TITRE_DISPONIBLE, RECUEILLIE)
            .avecAvis("titre disponible", "Votre titre est disponible à la mairie où vous avez déposé votre demande. Venez le "
                    + "retirer en personne, avec votre ancien titre s’il n’a été ni perdu ni volé.");
    public static final Transition REMETTRE = Transition.de("REMETTRE", AGENT, "Titre remis au demandeur", REMIS, TITRE_DISPONIBLE);
    public static final Transition EXPIRER = Transition.de("EXPIRER", SYSTEME, "Pré-demande expirée", EXPIREE, DEPOSE)
            .avecAvis("pré-demande expirée", "Votre pré-demande n’a pas été présentée en mairie pendant sa durée de validité : "
                    + "elle ne peut plus servir. Un timbre fiscal réservé en ligne pour elle est libéré, un rendez-vous à venir est "
                    + "annulé. Pour demander votre titre, faites une nouvelle pré-demande.");

    public static final CycleDeVie PRE_DEMANDE = new CycleDeVie("identite-pre-demande",
            List.of(BROUILLON, DEPOSE, RECUEILLIE, TITRE_DISPONIBLE, REMIS, EXPIREE),
            List.of(DEPOSER, RECUEILLIR, SIGNALER_DISPONIBLE, REMETTRE, EXPIRER), null);

    private CycleIdentite() {
    }
}
