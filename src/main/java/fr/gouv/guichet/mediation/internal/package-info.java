/** Storage, CSV reading and validation, OSM opening hours, communes referential and search of help places. */
@NullMarked
package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.NullMarked;
