@NullMarked
package fr.gouv.guichet.demarche.internal;

import org.jspecify.annotations.NullMarked;
