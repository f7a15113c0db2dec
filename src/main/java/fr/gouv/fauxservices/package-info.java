/**
 * A demonstration server for the external systems of the driving licence (ePhoto photo service, electronic timbre
 * fiscal service, examination results, title production), answering the HTTP contract of
 * {@code docs/services-externes-permis.md} from memory, with the seeded codes and numbers listed in the README.
 * Like {@code fr.gouv.fauxidp}, it lives outside {@code fr.gouv.guichet} on purpose: it is not part of Guichet and
 * knows none of its classes; Guichet's embedded defaults start it on its own loopback port on first use, and the
 * tests start their own. Plain JDK HTTP server: no Spring context, started in a few milliseconds.
 */
@NullMarked
package fr.gouv.fauxservices;

import org.jspecify.annotations.NullMarked;
