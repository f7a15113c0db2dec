/**
 * Holding under load: password hashing through native Argon2id with a bulkhead, and load shedding (503 with
 * {@code Retry-After}) when more requests arrive than the machine can serve in time.
 */
@NullMarked
package fr.gouv.guichet.socle.charge;

import org.jspecify.annotations.NullMarked;
