package fr.gouv.guichet.piece;

/** Thrown by {@link StockageFichiers#enregistrer} when the stream is larger than allowed; nothing was stored. */
public class TailleMaximaleDepasseeException extends RuntimeException {

    private final long tailleMax;

    public TailleMaximaleDepasseeException(long tailleMax) {
        super("Le contenu dépasse la taille maximale de " + tailleMax + " octets");
        this.tailleMax = tailleMax;
    }

    public long tailleMax() {
        return tailleMax;
    }
}
