package fr.gouv.guichet.externe;

import fr.gouv.fauxservices.Service;
import fr.gouv.fauxservices.ServeurServicesExternes;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The embedded default of the external systems: the demonstration server ({@code fr.gouv.fauxservices}), started
 * on its loopback port on the <em>first call</em> of a service that has no configured address, so that neither
 * Guichet's start nor a test that does not use these services pays for it, and closed with the context.
 */
public final class ServicesExternesEmbarques implements DisposableBean {

    private final int port;
    private final boolean actifs;
    private final java.time.Duration delaiExpedition;
    private @Nullable ServeurServicesExternes serveur;

    /** @param actifs whether a service without address goes to the demonstration server (else: unavailable) */
    public ServicesExternesEmbarques(int port, boolean actifs) {
        this(port, actifs, ServeurServicesExternes.DELAI_EXPEDITION_PAR_DEFAUT);
    }

    /** @param delaiExpedition how long after its order the demonstration server ships a title */
    public ServicesExternesEmbarques(int port, boolean actifs, java.time.Duration delaiExpedition) {
        this.port = port;
        this.actifs = actifs;
        this.delaiExpedition = delaiExpedition;
    }

    /**
     * Where a system is reached: its configured address, the embedded demonstration server, or nowhere (every call
     * then reports it unavailable, naming the {@code propriete} to set — never a silent demonstration in production).
     */
    public Supplier<String> adresse(SystemeExterne systeme, ReglagesServiceExterne reglages, String propriete) {
        if (reglages.aUneAdresse()) {
            String url = reglages.url().strip().replaceAll("/+$", "");
            return () -> url;
        }
        if (actifs) {
            return () -> adresseEmbarquee(systeme);
        }
        LoggerFactory.getLogger(ServicesExternesEmbarques.class).warn("Aucune adresse pour {} ({}) et services embarqués "
                + "désactivés : il sera signalé indisponible.", systeme.designation(), propriete);
        return () -> {
            throw new ServiceExterneIndisponibleException(systeme, "aucune adresse configurée (" + propriete + ")");
        };
    }

    /** Base address of this system on the demonstration server (started now if needed). */
    synchronized String adresseEmbarquee(SystemeExterne systeme) {
        if (serveur == null) {
            serveur = ServeurServicesExternes.demarrer(port, java.time.Clock.systemDefaultZone(), delaiExpedition);
        }
        return serveur.url(correspondant(systeme));
    }

    /** The demonstration server, started if needed (tests program its failures and read what it received). */
    public synchronized ServeurServicesExternes serveur() {
        if (serveur == null) {
            serveur = ServeurServicesExternes.demarrer(port, java.time.Clock.systemDefaultZone(), delaiExpedition);
        }
        return serveur;
    }

    public synchronized boolean demarre() {
        return serveur != null;
    }

    static Service correspondant(SystemeExterne systeme) {
        return Arrays.stream(Service.values()).filter(s -> s.prefixe().equals("/" + systeme.code())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Le serveur de démonstration ne simule pas « " + systeme.code() + " »"));
    }

    @Override
    public synchronized void destroy() {
        if (serveur != null) {
            serveur.close();
            serveur = null;
        }
    }
}
