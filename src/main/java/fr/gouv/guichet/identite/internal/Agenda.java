package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.mediation.internal.Horaires;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A town hall's slots, computed from its desk's opening hours, its slot length and its closures: each slot offers as
 * many appointments as the town hall has devices. Nothing is stored but the bookings, so a freed place is offered
 * again at once. Slots open up to {@value #HORIZON_JOURS} days ahead, from the next slot starting after now.
 */
@Service
public class Agenda {

    public static final int HORIZON_JOURS = 120;

    /** A slot: its local start (heure de Paris) and how many places are still free. */
    public record Creneau(LocalDateTime debut, int libres) {
    }

    private final JdbcClient jdbc;
    private final Mairies mairies;
    private final Clock horloge;

    Agenda(JdbcClient jdbc, Mairies mairies, Clock horloge) {
        this.jdbc = jdbc;
        this.mairies = mairies;
        this.horloge = horloge;
    }

    /** The starts of the town hall's slots on {@code jour}, closures and past times left out. */
    public List<LocalDateTime> debutsDuJour(Mairie m, LocalDate jour, List<Mairies.Fermeture> fermetures) {
        LocalDateTime maintenant = LocalDateTime.now(horloge.withZone(PreDemandes.PARIS));
        if (jour.isAfter(maintenant.toLocalDate().plusDays(HORIZON_JOURS))
                || fermetures.stream().anyMatch(f -> !jour.isBefore(f.du()) && !jour.isAfter(f.au()))) {
            return List.of();
        }
        List<LocalDateTime> debuts = new ArrayList<>();
        for (Horaires.Plage plage : Mairies.horaires(m).plages(jour)) {
            LocalTime fin = plage.jusquaMinuit() ? LocalTime.MAX : plage.fin();
            for (LocalTime t = plage.debut(); !t.plusMinutes(m.dureeCreneauMinutes()).isAfter(fin) && !t.isBefore(plage.debut());
                 t = t.plusMinutes(m.dureeCreneauMinutes())) {
                LocalDateTime debut = jour.atTime(t);
                if (debut.isAfter(maintenant)) {
                    debuts.add(debut);
                }
            }
        }
        return debuts;
    }

    /** The free slots of the town hall from {@code du} to {@code au} included, at most {@code nombre}. */
    public List<Creneau> libres(Mairie m, LocalDate du, LocalDate au, int nombre) {
        if (!m.agendaGuichet()) {
            return List.of();
        }
        List<Mairies.Fermeture> fermetures = mairies.fermetures(m.service(), du);
        Map<LocalDateTime, Integer> pris = pris(m.service(), du, au.plusDays(1));
        List<Creneau> libres = new ArrayList<>();
        for (LocalDate jour = du; !jour.isAfter(au) && libres.size() < nombre; jour = jour.plusDays(1)) {
            for (LocalDateTime debut : debutsDuJour(m, jour, fermetures)) {
                int restants = m.dispositifs() - pris.getOrDefault(debut, 0);
                if (restants > 0 && libres.size() < nombre) {
                    libres.add(new Creneau(debut, restants));
                }
            }
        }
        return libres;
    }

    /** The first free slot on or after {@code depuis}, within the horizon. */
    public Optional<Creneau> prochain(Mairie m, LocalDate depuis) {
        LocalDate fin = LocalDate.now(horloge.withZone(PreDemandes.PARIS)).plusDays(HORIZON_JOURS);
        for (LocalDate du = depuis; !du.isAfter(fin); du = du.plusDays(14)) {
            List<Creneau> l = libres(m, du, du.plusDays(13).isAfter(fin) ? fin : du.plusDays(13), 1);
            if (!l.isEmpty()) {
                return Optional.of(l.getFirst());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code debut} is one of the town hall's slots (open, not closed, in the future, within the horizon). */
    public boolean estUnCreneau(Mairie m, LocalDateTime debut) {
        return m.agendaGuichet() && debutsDuJour(m, debut.toLocalDate(), mairies.fermetures(m.service(), debut.toLocalDate())).contains(debut);
    }

    private Map<LocalDateTime, Integer> pris(String mairie, LocalDate du, LocalDate auExclu) {
        Map<LocalDateTime, Integer> pris = new HashMap<>();
        jdbc.sql("""
                        select debut, count(*) from identite_rendez_vous where mairie = ? and debut >= ? and debut < ?
                          and statut <> 'ANNULE' group by debut""")
                .params(mairie, Timestamp.from(instant(du.atStartOfDay())), Timestamp.from(instant(auExclu.atStartOfDay())))
                .query(rs -> {
                    pris.put(rs.getTimestamp(1).toInstant().atZone(PreDemandes.PARIS).toLocalDateTime(), rs.getInt(2));
                });
        return pris;
    }

    static Instant instant(LocalDateTime local) {
        return local.atZone(PreDemandes.PARIS).toInstant();
    }
}
