/** Implementation details of the form engine (JSON reading, definition checks, per-type checks). */
@NullMarked
package fr.gouv.guichet.formulaire.internal;

import org.jspecify.annotations.NullMarked;
