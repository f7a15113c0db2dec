/**
 * The préfecture's back office for videoprotection dossiers: the queue (priority to sites exposed to terrorist
 * threat, then oldest first), a dossier's page, instruction actions, notes, decisions.
 */
@NullMarked
package fr.gouv.guichet.instruction;

import org.jspecify.annotations.NullMarked;
