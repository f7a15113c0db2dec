/** Embedded PostgreSQL and SMTP defaults for a machine with nothing installed. */
@NullMarked
package fr.gouv.guichet.socle.embarque;

import org.jspecify.annotations.NullMarked;
