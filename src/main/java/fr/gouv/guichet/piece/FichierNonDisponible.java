package fr.gouv.guichet.piece;

/** Thrown when a file that is not (yet) {@link EtatAnalyse#SAIN} is asked for; its message is French. */
public class FichierNonDisponible extends RuntimeException {

    private final EtatAnalyse etat;

    public FichierNonDisponible(EtatAnalyse etat) {
        super(etat.messageRefus());
        this.etat = etat;
    }

    public EtatAnalyse etat() {
        return etat;
    }
}
