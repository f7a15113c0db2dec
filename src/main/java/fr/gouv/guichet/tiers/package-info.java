/**
 * Tiers de confiance (issue 15): habilitation of car professionals and approved driving schools as a procedure of
 * the platform ({@link fr.gouv.guichet.tiers.CycleHabilitation}), convention d’habilitation, professional space with
 * collaborators, filing for a client with a mandate (the client is informed and may object), fraud rules raising
 * signals and suspending automatically, public directory.
 */
@NullMarked
package fr.gouv.guichet.tiers;

import org.jspecify.annotations.NullMarked;
