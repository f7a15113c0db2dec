package fr.gouv.guichet.immatriculation.externe;

/** An external system did not answer (down, too slow, unexpected answer): nothing was lost, try again later. */
public class ServiceIndisponible extends RuntimeException {

    public ServiceIndisponible(String message, Throwable cause) {
        super(message, cause);
    }

    public ServiceIndisponible(String message) {
        super(message);
    }
}
