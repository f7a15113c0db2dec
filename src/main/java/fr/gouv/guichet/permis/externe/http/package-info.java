/**
 * The real HTTP clients of the licence's external systems, configured by {@code guichet.permis.services.<service>.*}
 * (address, timeouts, retries, circuit breaker, token): {@link ClientHttpServiceExterne} does the transport once
 * for the four of them.
 */
@NullMarked
package fr.gouv.guichet.permis.externe.http;

import org.jspecify.annotations.NullMarked;
