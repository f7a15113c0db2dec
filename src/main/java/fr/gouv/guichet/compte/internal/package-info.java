
@NullMarked
package fr.gouv.guichet.compte.internal;

import org.jspecify.annotations.NullMarked;
