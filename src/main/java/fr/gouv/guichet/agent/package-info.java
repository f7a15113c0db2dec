/**
 * Agents of the services instructeurs (préfectures, CERT…): accounts attached to one or more services with the roles
 * instructeur and administrateur du service, a national administrator (competence table), invitations, sign-in to the
 * back office, and each service's contact details page.
 */
@NullMarked
package fr.gouv.guichet.agent;

import org.jspecify.annotations.NullMarked;
