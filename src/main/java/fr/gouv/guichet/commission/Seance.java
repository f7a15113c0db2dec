package fr.gouv.guichet.commission;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A session of the commission départementale de vidéoprotection of a préfecture.
 *
 * @param debut          local time (Europe/Paris) the session opens
 * @param lieu           where it is held, one or more lines
 * @param nombreDossiers dossiers currently on its agenda
 * @param motifAnnulation why it was cancelled; null for a session that stands
 */
public record Seance(long id, String codeDepartement, LocalDateTime debut, String lieu, int nombreDossiers,
                     @Nullable String motifAnnulation) {

    /** One line of the session's record: created, modified, cancelled, by whom and why. */
    public record Evenement(String nature, String detail, @Nullable String motif, String agent, Instant moment) {
    }

    public boolean annulee() {
        return motifAnnulation != null;
    }

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRANCE);

    /** "mardi 9 mars 2027". */
    public String jour() {
        return JOUR.format(debut);
    }

    /** "9 mars 2027". */
    public String date() {
        return DATE.format(debut);
    }

    /** "14 h 30". */
    public String heure() {
        return HEURE.format(debut);
    }

    /** "séance du mardi 9 mars 2027 à 14 h 30". */
    public String libelle() {
        return "séance du " + jour() + " à " + heure();
    }

    public List<String> lignesLieu() {
        return lieu.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
