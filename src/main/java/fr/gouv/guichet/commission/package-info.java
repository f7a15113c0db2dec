/**
 * The commission départementale de vidéoprotection (CSI R252-7 à R252-15): its sessions, held by the préfecture's
 * secretariat, the dossiers on each session's agenda (sites exposed to terrorist threat first), the opinion it gives
 * on each, and the time it has to give it (3 months from its seizure, plus one month at its request).
 * {@link fr.gouv.guichet.commission.Commissions} is the entry point; the decision uses
 * {@link fr.gouv.guichet.commission.Commissions#avis(long)} for the arrêté's "Vu l'avis de la commission…".
 */
@NullMarked
package fr.gouv.guichet.commission;

import org.jspecify.annotations.NullMarked;
