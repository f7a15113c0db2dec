/** Shared base of Guichet: clock, outbox resubmission, public pages, embedded defaults. */
@NullMarked
package fr.gouv.guichet.socle;

import org.jspecify.annotations.NullMarked;
