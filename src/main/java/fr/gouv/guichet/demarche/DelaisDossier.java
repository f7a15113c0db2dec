package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Deadlines shown to the usager: the préfet's silence for 4 months after receipt of a complete dossier means
 * rejection (CSI R252-15, CRPA L231-4); an incomplete dossier pauses the clock (CRPA L114-5).
 */
@Component
public class DelaisDossier {

    public static final int MOIS_AVANT_REJET_IMPLICITE = 4;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    public @Nullable LocalDate rejetImplicite(Dossier dossier) {
        return dossier.deposeLe() == null ? null
                : dossier.deposeLe().atZone(ZoneId.of("Europe/Paris")).toLocalDate().plusMonths(MOIS_AVANT_REJET_IMPLICITE);
    }

    public String dateRejetImplicite(Dossier dossier) {
        LocalDate date = rejetImplicite(dossier);
        return date == null ? "" : DATE.format(date);
    }
}
