/**
 * Uploaded documents (pièces jointes): content inspection ({@link fr.gouv.guichet.piece.InspecteurFichier}) and
 * durable storage ({@link fr.gouv.guichet.piece.StockageFichiers}). Other features use only this package.
 */
@NullMarked
package fr.gouv.guichet.piece;

import org.jspecify.annotations.NullMarked;
