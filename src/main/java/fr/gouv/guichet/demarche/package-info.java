/**
 * Dossiers shared by every procedure: drafts, the one guarded lifecycle (each transition recorded), dossier
 * numbers, messages and attached documents, and who may see what.
 */
@NullMarked
package fr.gouv.guichet.demarche;

import org.jspecify.annotations.NullMarked;
