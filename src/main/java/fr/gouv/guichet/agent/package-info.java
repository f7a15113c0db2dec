/**
 * Préfecture agents: accounts attached to one or more préfectures with the roles instructeur and administrateur
 * de préfecture, a national administrator, invitations, sign-in to the back office, and the demo seeding.
 */
@NullMarked
package fr.gouv.guichet.agent;

import org.jspecify.annotations.NullMarked;
