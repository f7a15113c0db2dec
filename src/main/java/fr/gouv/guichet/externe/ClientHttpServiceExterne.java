package fr.gouv.guichet.externe;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The transport shared by the clients of external systems: JSON over HTTP with timeouts, retries of technical
 * failures (same idempotency key for every attempt of one change), and a circuit breaker that answers "unavailable"
 * at once after repeated failures. Outcomes: the answer; the exception {@link #refus} builds from the {@code erreur}
 * member when the system refuses (never retried, not a failure for the breaker);
 * {@link ServiceExterneIndisponibleException} otherwise.
 */
public abstract class ClientHttpServiceExterne {

    private static final Logger LOG = LoggerFactory.getLogger(ClientHttpServiceExterne.class);
    private static final int CORPS_MAX = 2 * 1024 * 1024;

    /** A technical failure: counted by the breaker, retried. */
    static final class EchecTechnique extends RuntimeException {
        EchecTechnique(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final SystemeExterne service;
    private final Supplier<String> adresse;
    private final @Nullable String jeton;
    private final RestClient http;
    private final RetryTemplate relances;
    private final CircuitBreaker disjoncteur;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param adresse base address, read at each call (the embedded demonstration server starts on first use)
     */
    protected ClientHttpServiceExterne(SystemeExterne service, ReglagesServiceExterne reglages, Supplier<String> adresse) {
        this.service = service;
        this.adresse = adresse;
        this.jeton = reglages.jeton();
        JdkClientHttpRequestFactory fabrique = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(reglages.delaiConnexion()).followRedirects(HttpClient.Redirect.NEVER).build());
        fabrique.setReadTimeout(reglages.delaiReponse());
        this.http = RestClient.builder().requestFactory(fabrique).build();
        this.relances = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(reglages.relances())
                .delay(reglages.attenteRelance())
                .multiplier(2)
                .jitter(reglages.attenteRelance().dividedBy(4))
                .maxDelay(reglages.attenteRelance().multipliedBy(8))
                .predicate(e -> e instanceof EchecTechnique)
                .build());
        this.disjoncteur = CircuitBreaker.of("guichet-" + service.code(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(reglages.fenetre())
                .minimumNumberOfCalls(reglages.appelsMinimum())
                .failureRateThreshold(reglages.seuilEchecs())
                .waitDurationInOpenState(reglages.ouvertPendant())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof EchecTechnique)
                .build());
    }

    public SystemeExterne service() {
        return service;
    }

    /** State of the breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), for supervision and tests. */
    public String etatDisjoncteur() {
        return disjoncteur.getState().name();
    }

    /** A read ({@code GET}), retried on technical failures, its answer converted. */
    protected <T> T lire(String chemin, Function<Map<String, Object>, T> conversion) {
        return convertir(executer(() -> appel(HttpMethod.GET, chemin, null, null)), conversion);
    }

    /** A change ({@code POST}), sent with one idempotency key for all its attempts, its answer converted. */
    protected <T> T modifier(String chemin, Map<String, ?> corps, Function<Map<String, Object>, T> conversion) {
        String cle = UUID.randomUUID().toString();
        return convertir(executer(() -> appel(HttpMethod.POST, chemin, corps, cle)), conversion);
    }

    /** A deletion ({@code DELETE}), sent with one idempotency key for all its attempts, its answer converted. */
    protected <T> T supprimer(String chemin, Function<Map<String, Object>, T> conversion) {
        String cle = UUID.randomUUID().toString();
        return convertir(executer(() -> appel(HttpMethod.DELETE, chemin, null, cle)), conversion);
    }

    /**
     * The header that carries the token: {@code null} (the default) for {@code Authorization: Bearer}, or the name of
     * the header a system expects instead (e.g. {@code x-rdv-opt-auth-token}).
     */
    protected @Nullable String enTeteJeton() {
        return null;
    }

    /** An answer that does not fit the contract (missing member, bad value) counts as a broken service. */
    private <T> T convertir(Map<String, Object> reponse, Function<Map<String, Object>, T> conversion) {
        try {
            return conversion.apply(reponse);
        } catch (ServiceExterneIndisponibleException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("{} : réponse hors contrat : {}", service.code(), e.getMessage());
            throw new ServiceExterneIndisponibleException(service, "réponse hors contrat : " + e.getMessage(), e);
        }
    }

    private Map<String, Object> executer(Supplier<Map<String, Object>> appel) {
        try {
            return relances.execute(() -> disjoncteur.executeSupplier(appel));
        } catch (RetryException e) {
            Throwable derniere = e.getLastException();
            if (derniere instanceof CallNotPermittedException) {
                throw new ServiceExterneIndisponibleException(service, "disjoncteur ouvert après des échecs répétés", derniere);
            }
            if (derniere instanceof RuntimeException r && !(derniere instanceof EchecTechnique)) {
                throw r;
            }
            LOG.warn("{} injoignable après {} tentative(s) : {}", service.code(), e.getRetryCount() + 1, derniere.getMessage());
            throw new ServiceExterneIndisponibleException(service, derniere.getMessage() == null ? "échec" : derniere.getMessage(), derniere);
        }
    }

    private Map<String, Object> appel(HttpMethod methode, String chemin, @Nullable Map<String, ?> corps, @Nullable String cle) {
        String base = adresse.get();
        try {
            RestClient.RequestBodySpec requete = http.method(methode).uri(base + chemin)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (cle != null) {
                            h.set("Idempotency-Key", cle);
                        }
                        if (jeton != null && !jeton.isBlank()) {
                            String nom = enTeteJeton();
                            if (nom == null) {
                                h.setBearerAuth(jeton);
                            } else {
                                h.set(nom, jeton);
                            }
                        }
                    });
            if (corps != null) {
                requete.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(corps));
            }
            return requete.exchange((req, reponse) -> traiter(reponse.getStatusCode().value(),
                    reponse.getBody().readNBytes(CORPS_MAX)), true);
        } catch (ResourceAccessException e) {
            Throwable cause = e.getMostSpecificCause();
            throw new EchecTechnique("injoignable : " + (cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName()), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> traiter(int statut, byte[] octets) {
        Map<String, Object> corps;
        try {
            corps = octets.length == 0 ? Map.of() : json.readValue(octets, Map.class);
        } catch (JacksonException e) {
            throw new EchecTechnique("réponse illisible (HTTP " + statut + ")", e);
        }
        if (statut >= 200 && statut < 300) {
            return corps;
        }
        if (statut == 429 || statut >= 500) {
            throw new EchecTechnique("HTTP " + statut, null);
        }
        String erreur = corps.get("erreur") instanceof String e ? e : "";
        RuntimeException refus = refus(erreur);
        if (refus == null) {
            LOG.warn("{} a refusé une demande de Guichet : HTTP {} {}", service.code(), statut, corps);
            refus = demandeInvalide();
        }
        throw refus;
    }

    /** The business refusal named by the {@code erreur} member of a 4xx answer; null when the code is unknown. */
    protected abstract @Nullable RuntimeException refus(String codeErreur);

    /** The refusal of a request the system read as malformed (4xx with an unknown code). */
    protected abstract RuntimeException demandeInvalide();

    /** A text member of an answer; a missing one is a broken answer. */
    protected String texte(Map<String, Object> reponse, String nom) {
        if (reponse.get(nom) instanceof String valeur && !valeur.isBlank()) {
            return valeur;
        }
        throw new ServiceExterneIndisponibleException(service, "réponse sans « " + nom + " »");
    }

    protected @Nullable String texteFacultatif(Map<String, Object> reponse, String nom) {
        return reponse.get(nom) instanceof String valeur && !valeur.isBlank() ? valeur : null;
    }
}
