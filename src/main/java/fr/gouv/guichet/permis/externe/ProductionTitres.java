package fr.gouv.guichet.permis.externe;

/**
 * The title production: once the CERT validates a dossier, the title is ordered (idempotent: ordering again for
 * the same dossier gives the same order), produced, then shipped with a tracking number.
 */
public interface ProductionTitres {

    /** Orders the title of this dossier, or gives the order already placed for it. */
    CommandeTitre commander(DemandeFabrication demande);

    /** Where the order stands. @throws RefusServiceExterneException {@link Refus#COMMANDE_INCONNUE} */
    SuiviTitre suivre(String numeroCommande);
}
