package fr.gouv.guichet.externe;

/**
 * The external system did not answer in time, answered with a server error, or its circuit breaker is open after
 * repeated failures. Nothing was done on its side that Guichet does not know of (every change is sent with an
 * idempotency key and may be sent again); what the usager typed is kept.
 */
public class ServiceExterneIndisponibleException extends RuntimeException {

    private final SystemeExterne service;

    public ServiceExterneIndisponibleException(SystemeExterne service, String detail, Throwable cause) {
        super(service.code() + " indisponible : " + detail, cause);
        this.service = service;
    }

    public ServiceExterneIndisponibleException(SystemeExterne service, String detail) {
        super(service.code() + " indisponible : " + detail);
        this.service = service;
    }

    public SystemeExterne service() {
        return service;
    }

    /** A clear French message for the usager. */
    public String messageUsager() {
        return "Nous n'arrivons pas à joindre " + service.designation() + " pour le moment. Ce que vous avez saisi "
                + "est conservé : réessayez dans quelques minutes, ou revenez plus tard à votre brouillon.";
    }
}
