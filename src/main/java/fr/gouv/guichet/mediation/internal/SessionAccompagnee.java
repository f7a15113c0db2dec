package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An assisted session at a help place's shared computer: opened by a médiateur, bound to the usager who consents,
 * ended by the usager or the médiateur, by a sign-out, or after {@code inactiviteSecondes} without a request.
 */
public record SessionAccompagnee(UUID id, long mediateurId, String lieuId, String lieuNom, Instant debut,
                                 Instant derniereActivite, int inactiviteSecondes, @Nullable Long usagerId,
                                 @Nullable Instant consentiLe, @Nullable Instant fin, @Nullable String motifFin) {

    /** Why a session ended. */
    public enum Motif { USAGER, INACTIVITE, REFUS, DECONNEXION }

    /** Ended, or idle for longer than its delay (ended as soon as anyone notices). */
    public boolean finieA(Instant maintenant) {
        return fin != null || derniereActivite.plusSeconds(inactiviteSecondes).isBefore(maintenant);
    }

    public boolean consentie() {
        return consentiLe != null;
    }

    /** What a médiateur's activity list shows of a session: no usager's data. */
    public record Bilan(Instant debut, @Nullable Instant fin, @Nullable String motifFin, boolean consentie,
                        List<String> demarches) {
    }
}
