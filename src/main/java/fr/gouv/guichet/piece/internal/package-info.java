/** Byte-level checks, file-name cleaning and the disk storage behind {@code fr.gouv.guichet.piece}. */
@NullMarked
package fr.gouv.guichet.piece.internal;

import org.jspecify.annotations.NullMarked;
