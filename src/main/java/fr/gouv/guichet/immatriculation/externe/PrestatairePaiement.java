package fr.gouv.guichet.immatriculation.externe;

/**
 * The online payment provider: Guichet opens a payment (idempotent by its reference), sends the browser to the
 * provider's page, then learns the outcome from a signed server-to-server notification, or by asking
 * ({@link #etat(String)}) when the browser comes back first. A payment received for a dossier already paid (two tabs,
 * two real transactions) is refunded in full ({@link #rembourser}).
 */
public interface PrestatairePaiement {

    /** The provider's status of a payment ({@code REMBOURSE}: paid, then refunded in full). */
    enum Statut { EN_ATTENTE, PAYE, REFUSE, ABANDONNE, REMBOURSE }

    /** @param montantCentimes amount in euro cents */
    record Demande(String reference, int montantCentimes, String libelle, String urlRetour, String urlNotification) {
    }

    /** @param identifiant the provider's id of the payment; {@code urlPaiement} the page to send the browser to */
    record Session(String identifiant, String urlPaiement) {
    }

    record Etat(String identifiant, String reference, Statut statut, int montantCentimes) {
    }

    Session ouvrir(Demande demande);

    Etat etat(String identifiant);

    /** Whether this notification body carries the provider's signature (HMAC-SHA256 of the body with the shared secret). */
    boolean signatureValide(byte[] corps, String signature);

    /** Reads a notification whose signature was checked. */
    Etat lireNotification(byte[] corps);

    /**
     * Refunds a paid payment in full; the same {@code cleIdempotence} again refunds nothing more.
     *
     * @return the provider's id of the refund
     * @throws ServiceIndisponible if the provider does not answer or refuses (nothing refunded: try again later)
     */
    String rembourser(String identifiant, int montantCentimes, String motif, String cleIdempotence);
}
