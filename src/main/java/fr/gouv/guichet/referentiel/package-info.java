/** Reference data: départements and the préfecture serving each of them. */
@NullMarked
package fr.gouv.guichet.referentiel;

import org.jspecify.annotations.NullMarked;
