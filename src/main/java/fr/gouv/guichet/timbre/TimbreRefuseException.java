package fr.gouv.guichet.timbre;

/** The timbre cannot pay this dossier, for a business reason: retrying will not help. */
public class TimbreRefuseException extends RuntimeException {

    private final RefusTimbre refus;

    public TimbreRefuseException(RefusTimbre refus) {
        super("timbres : " + refus.code());
        this.refus = refus;
    }

    public RefusTimbre refus() {
        return refus;
    }

    /** What the usager reads next to the field. */
    public String messageUsager() {
        return refus.message();
    }
}
