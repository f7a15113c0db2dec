/**
 * The real HTTP clients of the licence's external systems, configured by {@code guichet.permis.services.<service>.*}
 * (address, timeouts, retries, circuit breaker, token), on the transport of the {@code externe} module
 * ({@link ClientHttpPermis} turns its refusals into {@code RefusServiceExterneException}).
 */
@NullMarked
package fr.gouv.guichet.permis.externe.http;

import org.jspecify.annotations.NullMarked;
