package fr.gouv.guichet.immatriculation;

import java.util.Map;

/**
 * A change of holder filed by a habilitated car professional for their client (issue 15): the professional's
 * collaborator gives the code de cession the seller handed over and the client's identity and address; the dossier is
 * opened and priced with the collaborator's account, exactly as the buyer's own pages would (same code checks, same
 * throttling, same taxes), then paid by the professional. Who may call it (habilitation, activities, mandate) is the
 * {@code tiers} module's decision; this module only runs the operation.
 */
public interface DepotParUnProfessionnel {

    /** The client's fields, as the holder's page names them ({@code nom}, {@code prenoms}, {@code adresse}…). */
    java.util.Set<String> CHAMPS_TITULAIRE = java.util.Set.of("nom", "prenoms", "date_naissance", "adresse", "code_postal", "commune",
            "cotitulaire_nom", "cotitulaire_prenoms");

    /**
     * Opens and prices the change of holder. @return the draft dossier (the collaborator's until it is paid)
     * @throws ErreursSaisie with a French message per field ({@code immatriculation}, {@code code_cession} or a holder's
     *                       field); nothing of the dossier is kept then
     */
    long ouvrirChangementTitulaire(long collaborateurId, String immatriculation, String codeCession, Map<String, String> titulaire);

    /** The amount of the draft's taxes, in euros as shown ("123,76 €"). */
    String montant(long dossierId);

    /**
     * Opens the payment of the draft with the provider; the provider sends the browser back to {@code cheminRetour}
     * (a path of Guichet, {@code %s} replaced by the payment's reference). @return the page of Guichet that leads to
     * the provider. @throws ErreursSaisie if already paid, or the provider does not answer (French message)
     */
    String payer(long dossierId, long collaborateurId, String cheminRetour);

    /**
     * The browser is back: the payment of this dossier with this reference, recorded from the provider's answer if no
     * notification came yet (the dossier is deposited when it is paid). @return what became of this payment: it paid
     * the dossier; it came second, the dossier being already paid, and is refunded (or being refunded); or it is not
     * confirmed (refused, abandoned, or the provider does not answer: its notification will record it)
     */
    RetourPaiement retourPaiement(long dossierId, String reference);

    /** What became of a payment the browser comes back from, with its amount and reference for the message. */
    record RetourPaiement(Issue issue, String montant, String reference) {

        public enum Issue {
            /** This payment paid the dossier. */
            PAYE,
            /** The dossier was already paid by another payment: this one is refunded in full. */
            REMBOURSE,
            /** The same, the refund being asked of the provider (retried until it answers). */
            A_REMBOURSER,
            /** Refused, abandoned, or not confirmed yet. */
            NON_CONFIRME
        }
    }
}
