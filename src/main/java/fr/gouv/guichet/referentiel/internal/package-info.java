@NullMarked
package fr.gouv.guichet.referentiel.internal;

import org.jspecify.annotations.NullMarked;
