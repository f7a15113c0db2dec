package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.fauxservices.ServeurDemoImmatriculation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded default of registration's external systems: the demonstration server (payment provider and
 * certificate production), started on its own loopback port on first use, closed with the last context using it.
 *
 * <p>Several application contexts of one JVM (tests with other properties) share one database, and the tasks of any
 * of them may order a card or refund a payment of another's dossier, as several instances do in production, where
 * they all speak to one provider and one production service. They therefore share one demonstration server (for the
 * same port, secret and shipping delay): its failures, programmed by a test, and its counts hold for all of them.
 */
public final class ServeurDemoEmbarque implements DisposableBean {

    private record Partage(ServeurDemoImmatriculation serveur, int utilisateurs) {
    }

    private static final Map<String, Partage> PARTAGES = new HashMap<>();

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

    private String cle() {
        return port + "|" + secret + "|" + delaiExpedition;
    }

    /** The server, started now if needed (tests program its notifications and failures). */
    public ServeurDemoImmatriculation serveur() {
        synchronized (PARTAGES) {
            if (serveur == null) {
                Partage p = PARTAGES.get(cle());
                p = p == null ? new Partage(ServeurDemoImmatriculation.demarrer(port, secret, horloge, delaiExpedition), 1)
                        : new Partage(p.serveur(), p.utilisateurs() + 1);
                PARTAGES.put(cle(), p);
                serveur = p.serveur();
            }
            return serveur;
        }
    }

    @Override
    public void destroy() {
        synchronized (PARTAGES) {
            if (serveur == null) {
                return;
            }
            Partage p = PARTAGES.get(cle());
            if (p != null && p.utilisateurs() > 1) {
                PARTAGES.put(cle(), new Partage(p.serveur(), p.utilisateurs() - 1));
            } else {
                PARTAGES.remove(cle());
                serveur.close();
            }
            serveur = null;
        }
    }
}
