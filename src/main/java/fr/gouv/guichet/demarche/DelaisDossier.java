package fr.gouv.guichet.demarche;

import fr.gouv.guichet.demarche.internal.DossierRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Deadlines: the préfet's silence for 4 months after receipt of a complete dossier means rejection (CSI R252-15,
 * CRPA L231-4). The clock starts at deposit, and again when the documents requested by the préfecture arrive;
 * while documents are awaited, it is paused (CRPA L114-5).
 */
@Component
public class DelaisDossier {

    public static final int MOIS_AVANT_REJET_IMPLICITE = 4;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final DossierRepository dossiers;

    DelaisDossier(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    /** The implicit-rejection date, or null for a draft, a decided dossier, or while documents are awaited. */
    public @Nullable LocalDate rejetImplicite(Dossier dossier) {
        if (dossier.deposeLe() == null || dossier.etat().estDecide() || dossier.etat() == EtatDossier.ATTENTE_PIECES) {
            return null;
        }
        Instant depart = dossiers.completLe(dossier.id()).orElse(dossier.deposeLe());
        return depart.atZone(PARIS).toLocalDate().plusMonths(MOIS_AVANT_REJET_IMPLICITE);
    }

    /** For the récépissé: the date that would apply if the dossier, as deposited, is complete. */
    public LocalDate rejetImpliciteSiComplet(Instant deposeLe) {
        return deposeLe.atZone(PARIS).toLocalDate().plusMonths(MOIS_AVANT_REJET_IMPLICITE);
    }

    public String dateRejetImplicite(Dossier dossier) {
        LocalDate date = rejetImplicite(dossier);
        return date == null ? "" : DATE.format(date);
    }
}
