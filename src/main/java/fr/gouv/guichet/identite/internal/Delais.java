package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.identite.Mairie;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waiting times made visible: per town hall and per département, the next free slot and the median delay between
 * booking and appointment over the bookings of the last {@value #FENETRE_JOURS} days (cancelled ones left out).
 */
@Service
public class Delais {

    static final int FENETRE_JOURS = 90;

    public record DelaiMairie(Mairie mairie, Optional<Agenda.Creneau> prochain, @Nullable Double medianJours, long reservations) {
        public @Nullable Long joursAvantProchain(LocalDate aujourdhui) {
            return prochain.map(c -> java.time.temporal.ChronoUnit.DAYS.between(aujourdhui, c.debut().toLocalDate())).orElse(null);
        }
    }

    public record DelaiDepartement(String codeDepartement, List<DelaiMairie> mairies, Optional<Agenda.Creneau> prochain,
                                   @Nullable Double medianJours, long reservations) {
    }

    private final JdbcClient jdbc;
    private final Mairies mairies;
    private final Agenda agenda;
    private final Clock horloge;

    Delais(JdbcClient jdbc, Mairies mairies, Agenda agenda, Clock horloge) {
        this.jdbc = jdbc;
        this.mairies = mairies;
        this.agenda = agenda;
        this.horloge = horloge;
    }

    public DelaiDepartement duDepartement(String codeDepartement) {
        LocalDate aujourdhui = LocalDate.now(horloge.withZone(PreDemandes.PARIS));
        Map<String, double[]> medianes = medianes("m.code_departement = ?", codeDepartement);
        List<DelaiMairie> lignes = new ArrayList<>();
        for (Mairie m : mairies.duDepartement(codeDepartement)) {
            double[] med = medianes.get(m.service());
            lignes.add(new DelaiMairie(m, agenda.prochain(m, aujourdhui), med == null ? null : med[0], med == null ? 0 : (long) med[1]));
        }
        Optional<Agenda.Creneau> prochain = lignes.stream().flatMap(l -> l.prochain().stream())
                .min(java.util.Comparator.comparing(Agenda.Creneau::debut));
        double[] dep = medianeDepartement(codeDepartement);
        return new DelaiDepartement(codeDepartement, lignes, prochain, dep == null ? null : dep[0], dep == null ? 0 : (long) dep[1]);
    }

    private Map<String, double[]> medianes(String filtre, String valeur) {
        Map<String, double[]> resultat = new HashMap<>();
        jdbc.sql("""
                        select r.mairie, percentile_cont(0.5) within group (order by extract(epoch from r.debut - r.reserve_le)), count(*)
                        from identite_rendez_vous r join identite_mairie m on m.service = r.mairie
                        where\s""" + filtre + " and r.statut <> 'ANNULE' and r.reserve_le >= ? group by r.mairie")
                .params(valeur, Timestamp.from(horloge.instant().minus(Duration.ofDays(FENETRE_JOURS))))
                .query(rs -> {
                    resultat.put(rs.getString(1), new double[]{rs.getDouble(2) / 86_400, rs.getLong(3)});
                });
        return resultat;
    }

    private double @Nullable [] medianeDepartement(String codeDepartement) {
        return jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from r.debut - r.reserve_le)), count(*)
                        from identite_rendez_vous r join identite_mairie m on m.service = r.mairie
                        where m.code_departement = ? and r.statut <> 'ANNULE' and r.reserve_le >= ?""")
                .params(codeDepartement, Timestamp.from(horloge.instant().minus(Duration.ofDays(FENETRE_JOURS))))
                .query((rs, i) -> rs.getLong(2) == 0 ? null : new double[]{rs.getDouble(1) / 86_400, rs.getLong(2)})
                .optional().orElse(null);
    }
}
