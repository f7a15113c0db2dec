package fr.gouv.guichet.permis.externe;

/** The external system answered and refused, for a business reason: retrying will not help. */
public class RefusServiceExterneException extends RuntimeException {

    private final ServiceExterne service;
    private final Refus refus;

    public RefusServiceExterneException(ServiceExterne service, Refus refus) {
        super(service.code() + " : " + refus.code());
        this.service = service;
        this.refus = refus;
    }

    public ServiceExterne service() {
        return service;
    }

    public Refus refus() {
        return refus;
    }

    /** What the usager reads next to the field. */
    public String messageUsager() {
        return refus.message();
    }
}
