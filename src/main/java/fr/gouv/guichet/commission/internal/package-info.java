@NullMarked
package fr.gouv.guichet.commission.internal;

import org.jspecify.annotations.NullMarked;
