package fr.gouv.guichet.permis.internal;

import fr.gouv.fauxservices.Service;
import fr.gouv.fauxservices.ServeurServicesExternes;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded default of the licence's external systems: the demonstration server ({@code fr.gouv.fauxservices}),
 * started on its loopback port on the <em>first call</em> of a service that has no configured address, so that
 * neither Guichet's start nor a test that does not use the licence pays for it, and closed with the context.
 */
final class ServicesExternesEmbarques implements DisposableBean {

    private final int port;
    private final java.time.Duration delaiExpedition;
    private @Nullable ServeurServicesExternes serveur;

    ServicesExternesEmbarques(int port) {
        this(port, ServeurServicesExternes.DELAI_EXPEDITION_PAR_DEFAUT);
    }

    /** @param delaiExpedition how long after its order the demonstration server ships a title */
    ServicesExternesEmbarques(int port, java.time.Duration delaiExpedition) {
        this.port = port;
        this.delaiExpedition = delaiExpedition;
    }

    /** Base address of this service on the demonstration server (started now if needed). */
    synchronized String adresse(ServiceExterne service) {
        if (serveur == null) {
            serveur = ServeurServicesExternes.demarrer(port, java.time.Clock.systemDefaultZone(), delaiExpedition);
        }
        return serveur.url(correspondant(service));
    }

    /** The demonstration server, started if needed (tests program its failures). */
    synchronized ServeurServicesExternes serveur() {
        adresse(ServiceExterne.PRODUCTION);
        return java.util.Objects.requireNonNull(serveur);
    }

    synchronized boolean demarre() {
        return serveur != null;
    }

    static Service correspondant(ServiceExterne service) {
        return switch (service) {
            case PHOTOS -> Service.EPHOTO;
            case TIMBRES -> Service.TIMBRES;
            case EXAMENS -> Service.EXAMENS;
            case PRODUCTION -> Service.PRODUCTION;
        };
    }

    @Override
    public synchronized void destroy() {
        if (serveur != null) {
            serveur.close();
            serveur = null;
        }
    }
}
