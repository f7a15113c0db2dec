@NullMarked
package fr.gouv.guichet.videoprotection.internal;

import org.jspecify.annotations.NullMarked;
