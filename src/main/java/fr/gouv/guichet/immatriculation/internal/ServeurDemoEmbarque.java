package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.fauxservices.ServeurDemoImmatriculation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Duration;

/**
 * The embedded default of registration's external systems: the demonstration server (payment provider and
 * certificate production), started on its own loopback port on first use, closed with the context.
 */
public final class ServeurDemoEmbarque implements DisposableBean {

    private final int port;
    private final String secret;
    private final Clock horloge;
    private final Duration delaiExpedition;
    private @Nullable ServeurDemoImmatriculation serveur;

    ServeurDemoEmbarque(int port, String secret, Clock horloge, Duration delaiExpedition) {
        this.port = port;
        this.secret = secret;
        this.horloge = horloge;
        this.delaiExpedition = delaiExpedition;
    }

    /** The server, started now if needed (tests program its notifications). */
    public synchronized ServeurDemoImmatriculation serveur() {
        if (serveur == null) {
            serveur = ServeurDemoImmatriculation.demarrer(port, secret, horloge, delaiExpedition);
        }
        return serveur;
    }

    @Override
    public synchronized void destroy() {
        if (serveur != null) {
            serveur.close();
            serveur = null;
        }
    }
}
