package fr.gouv.guichet.externe;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of one external system (e.g. {@code guichet.permis.services.<service>.*}, {@code guichet.timbres.*}).
 *
 * @param url                  base address, e.g. {@code https://timbres.example/api}; empty: the demonstration server
 *                             when the embedded defaults are on, otherwise the service is reported unavailable
 * @param delaiConnexion       connection timeout
 * @param delaiReponse         timeout of one answer
 * @param relances             retries after a technical failure (timeouts, 5xx, 429), with the same idempotency key
 * @param attenteRelance       wait before the first retry (doubled at each one, with jitter)
 * @param seuilEchecs          percentage of failed calls, among the last {@code fenetre}, that opens the breaker
 * @param fenetre              number of recent calls the breaker looks at
 * @param appelsMinimum        calls before the breaker judges
 * @param ouvertPendant        how long an open breaker refuses calls at once, before trying again
 * @param jeton                bearer token sent in {@code Authorization}, if any
 */
public record ReglagesServiceExterne(
        @Nullable String url,
        @DefaultValue("PT2S") Duration delaiConnexion,
        @DefaultValue("PT5S") Duration delaiReponse,
        @DefaultValue("2") int relances,
        @DefaultValue("PT0.2S") Duration attenteRelance,
        @DefaultValue("50") int seuilEchecs,
        @DefaultValue("10") int fenetre,
        @DefaultValue("5") int appelsMinimum,
        @DefaultValue("PT30S") Duration ouvertPendant,
        @Nullable String jeton) {

    public ReglagesServiceExterne {
        if (relances < 0 || relances > 10) {
            throw new IllegalArgumentException("relances : entre 0 et 10 (" + relances + ")");
        }
        if (seuilEchecs < 1 || seuilEchecs > 100 || fenetre < 1 || appelsMinimum < 1) {
            throw new IllegalArgumentException("disjoncteur : seuil 1–100 %, fenêtre et appels minimum ≥ 1");
        }
        if (delaiConnexion.isNegative() || delaiConnexion.isZero() || delaiReponse.isNegative() || delaiReponse.isZero()) {
            throw new IllegalArgumentException("délais de connexion et de réponse : strictement positifs");
        }
    }

    /** The defaults, with this address. */
    public static ReglagesServiceExterne parDefaut(@Nullable String url) {
        return new ReglagesServiceExterne(url, Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(200),
                50, 10, 5, Duration.ofSeconds(30), null);
    }

    public boolean aUneAdresse() {
        return url != null && !url.isBlank();
    }
}
