/**
 * What every external system of Guichet shares: the HTTP transport ({@link ClientHttpServiceExterne}: timeouts,
 * retries with idempotency keys, circuit breaker), its settings ({@link ReglagesServiceExterne}), the "unavailable"
 * outcome with its French message ({@link ServiceExterneIndisponibleException}) and the embedded default
 * ({@link ServicesExternesEmbarques}: the demonstration server {@code fr.gouv.fauxservices}, started on first use
 * when no address is configured). Names no procedure: each feature declares its systems ({@link SystemeExterne}).
 */
@NullMarked
package fr.gouv.guichet.externe;

import org.jspecify.annotations.NullMarked;
