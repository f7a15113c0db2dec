/**
 * Legal reference data the acts rely on and the national administrator keeps up to date: the tribunal
 * administratif competent for each département ({@link fr.gouv.guichet.juridique.TribunauxAdministratifs}), loaded
 * from {@code actes/tribunaux-administratifs.csv}, editable at {@code /agent/national/tribunaux} with its history.
 */
@NullMarked
package fr.gouv.guichet.juridique;

import org.jspecify.annotations.NullMarked;
