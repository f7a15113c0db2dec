package fr.gouv.guichet.demarche;

import fr.gouv.guichet.demarche.internal.DossierRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Deadlines: the silence kept for 4 months after receipt of a complete dossier means rejection (CRPA L231-4 and the
 * procedure's text). A request for missing documents <em>suspends</em> that period, from the request until the
 * documents arrive or the deadline given for them passes, whichever comes first (CRPA L114-5, implicit rejection):
 * new date = old date + (min(receipt, deadline) − request). Restarting the whole period from receipt is the rule for
 * implicit <em>acceptance</em>, not this one. The date is the origin ({@code complet_le}, the deposit) plus 4 months,
 * plus the days of each suspension once it ends ({@code jours_suspension}).
 */
@Component
public class DelaisDossier {

    public static final int MOIS_AVANT_REJET_IMPLICITE = 4;
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
    private final Clock horloge;

    DelaisDossier(DossierRepository dossiers, Clock horloge) {
        this.dossiers = dossiers;
        this.horloge = horloge;
    }

    public Horloge horloge(Dossier dossier) {
        if (dossier.deposeLe() == null || dossier.etat().estDecide()) {
            return new Horloge(null, false, null);
        }
        Instant origine = dossiers.completLe(dossier.id()).orElse(dossier.deposeLe());
        LocalDate rejet = origine.atZone(PARIS).toLocalDate().plusMonths(MOIS_AVANT_REJET_IMPLICITE)
                .plusDays(dossiers.joursSuspension(dossier.id()));
        if (dossier.etat() != EtatDossier.ATTENTE_PIECES) {
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

    /** For the récépissé: the date that would apply if the dossier, as deposited, is complete. */
    public LocalDate rejetImpliciteSiComplet(Instant deposeLe) {
        return deposeLe.atZone(PARIS).toLocalDate().plusMonths(MOIS_AVANT_REJET_IMPLICITE);
    }

    public String dateRejetImplicite(Dossier dossier) {
        return horloge(dossier).date();
    }
}
