package fr.gouv.guichet.demarche;

import fr.gouv.guichet.demarche.internal.DossierRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Deadlines, for the lifecycle of every procedure (its {@link CycleDeVie#delaiDecisionImplicite()}): e.g. the silence
 * kept for 4 months after receipt of a complete dossier means rejection (CRPA L231-4 and the
 * procedure's text). A request for missing documents <em>suspends</em> that period, from the request until the
 * documents arrive or the deadline given for them passes, whichever comes first (CRPA L114-5, implicit rejection):
 * new date = old date + (min(receipt, deadline) − request). Restarting the whole period from receipt is the rule for
 * implicit <em>acceptance</em>, not this one. The date is the origin ({@code complet_le}, the deposit) plus the procedure's delay,
 * plus the days of each suspension once it ends ({@code jours_suspension}).
 */
@Component
public class DelaisDossier {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Where the clock stands.
     *
     * @param rejetImplicite the implicit-rejection date; while documents are awaited, the latest it can be (documents
     *                       arriving at the deadline); null for a draft or a decided dossier
     * @param suspendu       documents are awaited and their deadline has not passed
     * @param demande        the request for documents the dossier waits for, if it does
     */
    public record Horloge(@Nullable LocalDate rejetImplicite, boolean suspendu, @Nullable DemandePieces demande) {

        public String date() {
            return rejetImplicite == null ? "" : DATE.format(rejetImplicite);
        }

        public String echeancePieces() {
            return demande == null ? "" : DATE.format(demande.echeance());
        }

        public String suspenduDepuis() {
            return demande == null ? "" : DATE.format(demande.demandeeLe().atZone(PARIS).toLocalDate());
        }
    }

    private final DossierRepository dossiers;
    private final Procedures procedures;
    private final Clock horloge;

    DelaisDossier(DossierRepository dossiers, Procedures procedures, Clock horloge) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.horloge = horloge;
    }

    public Horloge horloge(Dossier dossier) {
        Period delai = procedures.cycle(dossier.demarche()).delaiDecisionImplicite();
        if (dossier.deposeLe() == null || dossier.etat().estFinal() || delai == null) {
            return new Horloge(null, false, null);
        }
        // Both read with the dossier (ADR 0031): no statement of its own.
        Instant origine = dossier.completLe() != null ? dossier.completLe() : dossier.deposeLe();
        LocalDate rejet = origine.atZone(PARIS).toLocalDate().plus(delai).plusDays(dossier.joursSuspension());
        if (!dossier.etat().attendDesPieces()) {
            return new Horloge(rejet, false, null);
        }
        Optional<DemandePieces> demande = dossiers.derniereDemandePieces(dossier.id()).filter(d -> d.recuesLe() == null);
        if (demande.isEmpty()) {
            return new Horloge(null, true, null);
        }
        DemandePieces d = demande.get();
        long jours = Math.max(0, ChronoUnit.DAYS.between(d.demandeeLe().atZone(PARIS).toLocalDate(), d.echeance()));
        return new Horloge(rejet.plusDays(jours), !LocalDate.now(horloge.withZone(PARIS)).isAfter(d.echeance()), d);
    }

    /** The implicit-rejection date (see {@link Horloge#rejetImplicite()}). */
    public @Nullable LocalDate rejetImplicite(Dossier dossier) {
        return horloge(dossier).rejetImplicite();
    }

    /**
     * For the récépissé: the date that would apply if the dossier, as deposited, is complete.
     *
     * @throws IllegalStateException if the procedure declares no implicit decision
     */
    public LocalDate rejetImpliciteSiComplet(String demarche, Instant deposeLe) {
        Period delai = procedures.cycle(demarche).delaiDecisionImplicite();
        if (delai == null) {
            throw new IllegalStateException("La démarche " + demarche + " ne déclare pas de décision implicite");
        }
        return deposeLe.atZone(PARIS).toLocalDate().plus(delai);
    }

    public String dateRejetImplicite(Dossier dossier) {
        return horloge(dossier).date();
    }
}
