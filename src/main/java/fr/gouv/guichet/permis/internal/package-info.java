/** Wiring of the licence feature: settings, the ports' HTTP clients, the embedded demonstration server, the forms. */
@NullMarked
package fr.gouv.guichet.permis.internal;

import org.jspecify.annotations.NullMarked;
