package fr.gouv.guichet.commission;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The opinion the commission gave on a dossier.
 *
 * @param texte         the reserves or the reasons of an unfavourable opinion (may be given for a favourable one)
 * @param dateSeance    the day of the session that gave it
 * @param enregistreLe  when the secretariat recorded it
 */
public record AvisCommission(Avis avis, @Nullable String texte, LocalDate dateSeance, long seanceId, Instant enregistreLe) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    /** For the arrêté: "Vu l’avis favorable avec réserves de la commission départementale de vidéoprotection du 9 mars 2027". */
    public String visa() {
        return "Vu l’avis " + avis.libelle().toLowerCase(Locale.FRANCE)
                + " de la commission départementale de vidéoprotection du " + DATE.format(dateSeance);
    }
}
