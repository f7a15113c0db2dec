package fr.gouv.guichet.identite;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.internal.Agenda;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.identite.internal.Reservations;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.support.TransactionTenue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The correctness core of issue 14: many parallel bookings on few slots of two town halls, each pré-demande trying
 * both town halls at once — 0 slot booked twice, 0 pré-demande with two active appointments; and the database
 * refuses a duplicate written behind the application's back.
 */
@TestGuichet
class ReservationsConcurrenceIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    PreDemandes preDemandes;
    @Autowired
    Mairies mairies;
    @Autowired
    Agenda agenda;
    @Autowired
    Reservations reservations;
    @Autowired
    DataSource source;

    @Test
    void reservationsParalleles_jamaisDeDoubleReservation_jamaisDeuxRendezVousActifsParPreDemande() throws Exception {
        PreDemandesDeTest outils = new PreDemandesDeTest(dossiers, preDemandes, mairies);
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        Mairie a = outils.mairie(1);
        Mairie b = outils.mairie(2);
        LocalDate demain = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
        List<LocalDateTime> creneaux = agenda.libres(a, demain, demain, 3).stream().map(Agenda.Creneau::debut).toList();
        assertThat(creneaux).hasSize(3);
        // 3 slots × (1 + 2) places = 9 places for 24 pré-demandes, each trying both town halls at the same time.
        List<ComptesDeTest.Compte> usagers = new ArrayList<>();
        List<PreDemande> pds = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ComptesDeTest.Compte c = comptes.usager("83");
            usagers.add(c);
            pds.add(outils.deposer(c.id(), PreDemandesDeTest.reponsesMajeur()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Reservations.Resultat>> taches = new ArrayList<>();
        for (int j = 0; j < pds.size(); j++) {
            int i = j;
            long usager = usagers.get(i).id();
            NumeroPreDemande numero = pds.get(i).numero();
            LocalDateTime quand = creneaux.get(i % 3);
            taches.add(() -> reservations.reserver(usager, numero, a.service(), quand, false));
            taches.add(() -> reservations.reserver(usager, numero, b.service(), quand, false));
            taches.add(() -> {
                try {
                    return reservations.reserver(usager, numero, b.service(), creneaux.get((i + 1) % 3), true);
                } catch (Reservations.CreneauPrisPendantDeplacement e) {
                    // The move is undone as a whole: the former appointment stays (checked by the counts below).
                    return new Reservations.CreneauPris();
                }
            });
        }
        List<Reservations.Resultat> resultats = new ArrayList<>();
        for (Future<Reservations.Resultat> f : pool.invokeAll(taches)) {
            resultats.add(f.get());
        }
        pool.shutdown();

        long reussies = resultats.stream().filter(r -> r instanceof Reservations.Reserve).count();
        assertThat(reussies).isPositive();
        assertThat(resultats).hasOnlyElementsOfTypes(Reservations.Reserve.class, Reservations.DejaReserve.class,
                Reservations.CreneauPris.class);
        String mairiesDuTest = "('" + a.service() + "', '" + b.service() + "')";
        assertThat(jdbc.sql("select count(*) from (select mairie, debut, poste from identite_rendez_vous where statut <> 'ANNULE' "
                + "and mairie in " + mairiesDuTest + " group by 1, 2, 3 having count(*) > 1) d").query(Long.class).single())
                .as("double réservation d’un poste").isZero();
        assertThat(jdbc.sql("select count(*) from (select numero_pre_demande from identite_rendez_vous where statut = 'ACTIF' "
                + "and mairie in " + mairiesDuTest + " group by 1 having count(*) > 1) d").query(Long.class).single())
                .as("pré-demande avec deux rendez-vous actifs").isZero();
        long actifs = jdbc.sql("select count(*) from identite_rendez_vous where statut = 'ACTIF' and mairie in " + mairiesDuTest)
                .query(Long.class).single();
        assertThat(actifs).isLessThanOrEqualTo(9);
        List<LocalDateTime> libresA = agenda.libres(a, demain, demain, 100).stream().map(Agenda.Creneau::debut).toList();
        for (LocalDateTime quand : creneaux) {
            long pris = jdbc.sql("select count(*) from identite_rendez_vous where mairie = ? and debut = ? and statut <> 'ANNULE'")
                    .params(a.service(), Timestamp.from(quand.atZone(ZoneId.of("Europe/Paris")).toInstant())).query(Long.class).single();
            assertThat(libresA.contains(quand)).as("créneau libre si et seulement si personne ne l’a réservé").isEqualTo(pris == 0);
        }
    }

    /**
     * Two usagers swapping their slots at the same moment, every device taken: each move cancels its appointment, then
     * tries the other's slot. Each waited for the other's uncommitted cancellation until PostgreSQL killed one
     * ("deadlock detected", a 500 — seen in CI). The interleaving is forced: a held transaction touches the rows of the
     * first devices, so both moves cancel, then wait there; now bookings of one town hall run one after the other and
     * both usagers keep their appointment.
     */
    @Test
    void deplacementsCroisesSimultanes_neSInterbloquentPas() throws Exception {
        PreDemandesDeTest outils = new PreDemandesDeTest(dossiers, preDemandes, mairies);
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        Mairie m = outils.mairie(2);
        LocalDate jour = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2);
        List<LocalDateTime> creneaux = agenda.libres(m, jour, jour.plusDays(3), 2).stream().map(Agenda.Creneau::debut).toList();
        LocalDateTime s0 = creneaux.get(0);
        LocalDateTime s1 = creneaux.get(1);
        List<ComptesDeTest.Compte> u = new ArrayList<>();
        List<NumeroPreDemande> n = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            u.add(comptes.usager("83"));
            n.add(outils.deposer(u.get(i).id(), PreDemandesDeTest.reponsesMajeur()).numero());
            assertThat(reservations.reserver(u.get(i).id(), n.get(i), m.service(), i < 2 ? s0 : s1, false))
                    .isInstanceOf(Reservations.Reserve.class);
        }
        // 0 and 2 hold the first devices, 1 and 3 (who swap) the second ones.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TransactionTenue tenue = new TransactionTenue(source)) {
            tenue.executer("update identite_rendez_vous set reserve_le = reserve_le where statut = 'ACTIF' and numero_pre_demande in (?, ?)",
                    n.get(0).valeur(), n.get(2).valeur());
            Future<Object> un = pool.submit(() -> deplacer(u.get(1).id(), n.get(1), m.service(), s1));
            Future<Object> trois = pool.submit(() -> deplacer(u.get(3).id(), n.get(3), m.service(), s0));
            tenue.attendreBloques(2, "identite_rendez_vous|pg_advisory_xact_lock");
            tenue.valider();
            assertThat(List.of(un.get(), trois.get())).allMatch(r -> r instanceof Reservations.CreneauPrisPendantDeplacement);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reservations.actif(n.get(1)).orElseThrow().debut()).isEqualTo(s0);
        assertThat(reservations.actif(n.get(3)).orElseThrow().debut()).isEqualTo(s1);
    }

    private Object deplacer(long usager, NumeroPreDemande numero, String mairie, LocalDateTime quand) {
        try {
            return reservations.reserver(usager, numero, mairie, quand, true);
        } catch (RuntimeException e) {
            return e; // CreneauPrisPendantDeplacement, or reported by the assertion with its message (a deadlock, before the fix)
        }
    }

    @Test
    void laBaseRefuseUnDoublonEcritSansPasserParLApplication() {
        PreDemandesDeTest outils = new PreDemandesDeTest(dossiers, preDemandes, mairies);
        ComptesDeTest.Compte c = new ComptesDeTest(jdbc, encodeur).usager("83");
        PreDemande premiere = outils.deposer(c.id(), PreDemandesDeTest.reponsesMajeur());
        PreDemande seconde = outils.deposer(c.id(), PreDemandesDeTest.reponsesMajeur());
        Mairie a = outils.mairie(1);
        Mairie b = outils.mairie(1);
        Timestamp t = Timestamp.valueOf(LocalDateTime.now().plusDays(2).withHour(10).withMinute(0).withSecond(0).withNano(0));
        String insertion = "insert into identite_rendez_vous (mairie, debut, poste, numero_pre_demande, usager_id, statut, reserve_le) "
                + "values (?, ?, 1, ?, ?, 'ACTIF', now())";
        jdbc.sql(insertion).params(a.service(), t, premiere.numero().valeur(), c.id()).update();
        assertThatThrownBy(() -> jdbc.sql(insertion).params(b.service(), t, premiere.numero().valeur(), c.id()).update())
                .as("deux rendez-vous actifs pour une pré-demande").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insertion).params(a.service(), t, seconde.numero().valeur(), c.id()).update())
                .as("deux réservations du même poste").isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("update identite_rendez_vous set statut = 'ANNULE', annule_le = now() where mairie = ?").param(a.service()).update();
        jdbc.sql(insertion).params(a.service(), t, seconde.numero().valeur(), c.id()).update();
        jdbc.sql(insertion).params(b.service(), t, premiere.numero().valeur(), c.id()).update();
    }
}
