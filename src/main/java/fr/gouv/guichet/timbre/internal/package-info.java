/** Wiring of the timbres: settings, the HTTP client, the table of uses. */
@NullMarked
package fr.gouv.guichet.timbre.internal;

import org.jspecify.annotations.NullMarked;
