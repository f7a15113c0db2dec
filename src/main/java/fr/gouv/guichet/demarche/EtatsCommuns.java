package fr.gouv.guichet.demarche;

import static fr.gouv.guichet.demarche.TypeActeur.USAGER;

/**
 * The states and transitions every deposit shares (draft, deposit, documents awaited and sent), with their usual
 * wording, for the lifecycles that need no other: a feature may declare its own under the same codes
 * ({@link CycleDeVie}). Tabs are those of the agents' queue.
 */
public final class EtatsCommuns {

    public static final String ATTENTE_PIECES = "ATTENTE_PIECES";

    private EtatsCommuns() {
    }

    public static Etat brouillon() {
        return Etat.de(CycleDeVie.BROUILLON, "Brouillon", StatutUsager.BROUILLON, "Brouillon non transmis", "BROUILLON");
    }

    /** @param libelleUsager to whom the dossier went, e.g. "Transmis au service instructeur" */
    public static Etat depose(String libelleUsager) {
        return Etat.de(CycleDeVie.DEPOSE, "Déposé", StatutUsager.DEPOSE, libelleUsager, "A_TRAITER");
    }

    public static Etat attentePieces() {
        return Etat.de(ATTENTE_PIECES, "En attente de pièces", StatutUsager.A_COMPLETER, "À compléter", "ATTENTE_PIECES");
    }

    public static Transition deposer(Etat brouillon, Etat depose, String libelle) {
        return Transition.de(CycleDeVie.DEPOSER, USAGER, libelle, depose, brouillon);
    }

    /** The usager says the documents asked were sent: the dossier goes back to {@code reprise}. */
    public static Transition completer(Etat attente, Etat reprise) {
        return Transition.de(CycleDeVie.COMPLETER, USAGER, "Pièces complémentaires transmises", reprise, attente);
    }
}
