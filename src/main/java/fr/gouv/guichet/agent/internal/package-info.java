@NullMarked
package fr.gouv.guichet.agent.internal;

import org.jspecify.annotations.NullMarked;
