package fr.gouv.guichet.permis.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The slots a préfecture offers for the exchange of a non-EU licence (issue 12, point 5b): working days (Monday to
 * Friday), fixed opening ranges cut in slots of a fixed length, a number of desks (one appointment per desk and
 * slot), from the next working day up to a horizon. The sources give neither the préfectures' hours for this
 * appointment nor their desks: these are settings ({@code guichet.permis.rendez-vous.*}, README), the same for every
 * préfecture until a préfecture's own agenda is needed.
 */
@Component
class AgendaPrefecture {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** An opening range of the day, e.g. 09:00–12:00. */
    record Plage(LocalTime debut, LocalTime fin) {
        static Plage lire(String texte) {
            String[] bornes = texte.strip().split("-");
            Plage p = new Plage(LocalTime.parse(bornes[0].strip()), LocalTime.parse(bornes[1].strip()));
            if (!p.fin().isAfter(p.debut())) {
                throw new IllegalArgumentException("Plage d’ouverture vide : " + texte);
            }
            return p;
        }
    }

    private final int dureeMinutes;
    private final int guichets;
    private final int horizonJours;
    private final List<Plage> plages;

    AgendaPrefecture(@Value("${guichet.permis.rendez-vous.duree-minutes:30}") int dureeMinutes,
                     @Value("${guichet.permis.rendez-vous.guichets:2}") int guichets,
                     @Value("${guichet.permis.rendez-vous.horizon-jours:28}") int horizonJours,
                     @Value("${guichet.permis.rendez-vous.plages:09:00-12:00,13:30-16:00}") List<String> plages) {
        if (dureeMinutes < 5 || dureeMinutes > 240 || guichets < 1 || guichets > 20 || horizonJours < 1 || horizonJours > 180) {
            throw new IllegalArgumentException("Réglages de l’agenda des rendez-vous en préfecture hors bornes");
        }
        this.dureeMinutes = dureeMinutes;
        this.guichets = guichets;
        this.horizonJours = horizonJours;
        this.plages = plages.stream().map(Plage::lire).toList();
    }

    int guichets() {
        return guichets;
    }

    /** The working days offered, seen from {@code aujourdhui}: from the next one up to the horizon. */
    List<LocalDate> jours(LocalDate aujourdhui) {
        List<LocalDate> jours = new ArrayList<>();
        for (LocalDate j = aujourdhui.plusDays(1); !j.isAfter(aujourdhui.plusDays(horizonJours)); j = j.plusDays(1)) {
            if (j.getDayOfWeek() != DayOfWeek.SATURDAY && j.getDayOfWeek() != DayOfWeek.SUNDAY) {
                jours.add(j);
            }
        }
        return jours;
    }

    /** The slots of a day, in time order. */
    List<LocalDateTime> creneaux(LocalDate jour) {
        List<LocalDateTime> creneaux = new ArrayList<>();
        for (Plage p : plages) {
            for (LocalTime t = p.debut(); !t.plusMinutes(dureeMinutes).isAfter(p.fin()); t = t.plusMinutes(dureeMinutes)) {
                creneaux.add(jour.atTime(t));
            }
        }
        return creneaux;
    }

    /** Whether {@code debut} is one of the slots offered today (a working day within the horizon, on a slot's start). */
    boolean estUnCreneau(LocalDateTime debut, LocalDate aujourdhui) {
        return jours(aujourdhui).contains(debut.toLocalDate()) && creneaux(debut.toLocalDate()).contains(debut);
    }

    static Instant instant(LocalDateTime debut) {
        return debut.atZone(PARIS).toInstant();
    }
}
