/** Metrics of Guichet's own queues, for Prometheus. */
@NullMarked
package fr.gouv.guichet.socle.supervision;

import org.jspecify.annotations.NullMarked;
