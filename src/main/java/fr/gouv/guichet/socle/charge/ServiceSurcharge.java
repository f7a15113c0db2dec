package fr.gouv.guichet.socle.charge;

/**
 * Thrown when work could not start in time because the machine is saturated; {@link DelestageCharge} turns it into
 * a 503 with {@code Retry-After} instead of an error page.
 */
public class ServiceSurcharge extends RuntimeException {

    public ServiceSurcharge(String message) {
        super(message);
    }
}
