@NullMarked
package fr.gouv.guichet.notification.internal;

import org.jspecify.annotations.NullMarked;
