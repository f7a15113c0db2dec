@NullMarked
package fr.gouv.guichet.instruction.internal;

import org.jspecify.annotations.NullMarked;
