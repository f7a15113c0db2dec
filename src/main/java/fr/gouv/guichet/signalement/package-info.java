/**
 * Signals (issue 12, point 11): an unusual fact a procedure's rule noticed on a dossier (the same document in several
 * dossiers, a code reused…), explained in plain French for the agents of the dossier's service instructeur. A signal
 * is raised once per (dossier, rule, object) — a database constraint, so two concurrent checks raise one — and is never
 * rewritten: its table is its history. {@link Signaux} is the API; the rules belong to the procedures, which this
 * module never names. Agents see the signals on the dossier page and in their service's list
 * ({@code /agent/services/{code}/signaux}); nothing here decides: an agent does, with the explanation.
 */
@NullMarked
package fr.gouv.guichet.signalement;

import org.jspecify.annotations.NullMarked;
