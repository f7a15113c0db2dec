/** Fonts and resource policy behind {@code fr.gouv.guichet.document}. */
@NullMarked
package fr.gouv.guichet.document.internal;

import org.jspecify.annotations.NullMarked;
