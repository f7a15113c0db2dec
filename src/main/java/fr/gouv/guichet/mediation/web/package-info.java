/** Public search pages of help places, and the national administrator's CSV upload. */
@NullMarked
package fr.gouv.guichet.mediation.web;

import org.jspecify.annotations.NullMarked;
