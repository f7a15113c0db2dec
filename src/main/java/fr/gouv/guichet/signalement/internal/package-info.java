@NullMarked
package fr.gouv.guichet.signalement.internal;

import org.jspecify.annotations.NullMarked;
