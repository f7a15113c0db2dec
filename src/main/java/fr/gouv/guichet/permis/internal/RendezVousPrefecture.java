package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.permis.DemarchePermis;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The appointment in préfecture of a non-EU licence exchange (issue 12, point 5b): the usager books a slot of the
 * préfecture instructing the dossier, moves it or cancels it; the préfecture's agent sees it on the dossier. Two
 * unique partial indexes of {@code permis_rendez_vous} carry the rules — one active appointment per desk and slot,
 * one active appointment per dossier — so concurrent bookings cannot both win whatever this code does; the bookings
 * of one dossier also run one after the other (transaction-scoped advisory lock) so that a move is all or nothing.
 */
@Service
public class RendezVousPrefecture {

    /** An active appointment. */
    public record RendezVous(long id, long dossierId, String service, LocalDateTime debut, int guichet, Instant reserveLe) {
    }

    public sealed interface Resultat {
    }

    public record Reserve(RendezVous rendezVous, boolean deplacement) implements Resultat {
    }

    /** Every desk of the slot was taken meanwhile (a move leaves the former appointment as it was). */
    public record CreneauPris() implements Resultat {
    }

    /** Not a slot offered now (past, closed day, beyond the horizon, malformed). */
    public record CreneauInvalide() implements Resultat {
    }

    /** Published after a booking, a move or a cancellation (e-mail to the usager, through the outbox). */
    public record RendezVousChange(long rendezVousId, long dossierId, Changement changement) {
    }

    public enum Changement { RESERVE, DEPLACE, ANNULE }

    /** A day's slots, each with whether a desk is still free. */
    public record Jour(LocalDate jour, List<Creneau> creneaux) {
    }

    public record Creneau(LocalDateTime debut, boolean libre) {
    }

    /** An active appointment of the day at a préfecture's desk, with the dossier the usager comes for. */
    public record AuGuichet(LocalDateTime debut, int guichet, long dossierId, String numero, String usager) {
    }

    private static final int CLE_VERROU = 0x5044_5256; // "PDRV": the advisory lock space of these appointments
    private static final int CLE_VERROU_SERVICE = 0x5044_5253; // "PDRS": one lock per service for its bookings
    private static final String COLONNES = "select id, dossier_id, service, debut, guichet, reserve_le from permis_rendez_vous ";
    private static final RowMapper<RendezVous> LIGNE = (rs, i) -> new RendezVous(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getTimestamp(4).toInstant().atZone(AgendaPrefecture.PARIS).toLocalDateTime(), rs.getInt(5), rs.getTimestamp(6).toInstant());

    private final JdbcClient jdbc;
    private final InstructionDossiers dossiers;
    private final AgendaPrefecture agenda;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;

    RendezVousPrefecture(JdbcClient jdbc, InstructionDossiers dossiers, AgendaPrefecture agenda,
                         ApplicationEventPublisher evenements, Clock horloge) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.agenda = agenda;
        this.evenements = evenements;
        this.horloge = horloge;
    }

    /** Whether the dossier takes an appointment in préfecture now: a deposited non-EU exchange not yet decided. */
    public static boolean concerne(Dossier dossier) {
        return DemarchePermis.depuisCode(dossier.demarche()).map(DemarchePermis::rendezVousEnPrefecture).orElse(false)
                && !dossier.estBrouillon() && !dossier.etat().estFinal();
    }

    /** "lundi 7 décembre 2026 à 9h30". */
    public static String enClair(LocalDateTime debut) {
        return CourrielsRendezVousPermis.QUAND.format(debut);
    }

    LocalDate aujourdhui() {
        return LocalDate.now(horloge.withZone(AgendaPrefecture.PARIS));
    }

    /** The slots of the service from {@code premierJour} for {@code nombreJours} working days, with their availability. */
    public List<Jour> creneaux(String service, int premierJour, int nombreJours) {
        List<LocalDate> jours = agenda.jours(aujourdhui());
        List<LocalDate> montres = jours.subList(Math.min(premierJour, jours.size()), Math.min(premierJour + nombreJours, jours.size()));
        if (montres.isEmpty()) {
            return List.of();
        }
        Map<Instant, Integer> pris = new HashMap<>();
        jdbc.sql("select debut, count(*) from permis_rendez_vous where service = ? and statut = 'ACTIF' and debut >= ? and debut < ? group by debut")
                .params(service, Timestamp.from(AgendaPrefecture.instant(montres.getFirst().atStartOfDay())),
                        Timestamp.from(AgendaPrefecture.instant(montres.getLast().plusDays(1).atStartOfDay())))
                .query(rs -> {
                    pris.put(rs.getTimestamp(1).toInstant(), rs.getInt(2));
                });
        return montres.stream().map(j -> new Jour(j, agenda.creneaux(j).stream()
                .map(c -> new Creneau(c, pris.getOrDefault(AgendaPrefecture.instant(c), 0) < agenda.guichets())).toList())).toList();
    }

    public int joursOfferts() {
        return agenda.jours(aujourdhui()).size();
    }

    /** Books {@code debut} for the dossier (moving its active appointment, if any, in the same transaction). */
    @Transactional
    public Resultat reserver(Dossier dossier, LocalDateTime debut) {
        if (!concerne(dossier) || !agenda.estUnCreneau(debut, aujourdhui())) {
            return new CreneauInvalide();
        }
        String service = dossiers.service(dossier.id()).orElseThrow();
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(CLE_VERROU, (int) dossier.id()).query().singleRow();
        Optional<RendezVous> existant = actif(dossier.id());
        if (existant.isPresent() && existant.get().debut().equals(debut)) {
            return new Reserve(existant.get(), false);
        }
        // Every booking of the service holds its lock before writing: a move cancels its appointment, then waits for
        // a desk, so two moves crossing each other (A takes B's slot while B takes A's) each waited for the other's
        // uncommitted cancellation until PostgreSQL killed one. Taken after the dossier's lock, always in that order.
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(CLE_VERROU_SERVICE, service).query().singleRow();
        existant.ifPresent(r -> annulerLigne(r.id()));
        for (int guichet = 1; guichet <= agenda.guichets(); guichet++) {
            Optional<Long> id = jdbc.sql("""
                            insert into permis_rendez_vous (dossier_id, service, debut, guichet, statut, reserve_le)
                            values (?, ?, ?, ?, 'ACTIF', ?)
                            on conflict (service, debut, guichet) where statut = 'ACTIF' do nothing returning id""")
                    .params(dossier.id(), service, Timestamp.from(AgendaPrefecture.instant(debut)), guichet, Timestamp.from(horloge.instant()))
                    .query(Long.class).optional();
            if (id.isPresent()) {
                evenements.publishEvent(new RendezVousChange(id.get(), dossier.id(), existant.isPresent() ? Changement.DEPLACE : Changement.RESERVE));
                return new Reserve(parId(id.get()).orElseThrow(), existant.isPresent());
            }
        }
        // Every desk taken: the former appointment, cancelled above, is kept as it was.
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new CreneauPris();
    }

    /** Cancels the dossier's future appointment; false when it has none. */
    @Transactional
    public boolean annuler(Dossier dossier) {
        Optional<RendezVous> rdv = actif(dossier.id()).filter(r -> r.debut().isAfter(LocalDateTime.now(horloge.withZone(AgendaPrefecture.PARIS))));
        if (rdv.isEmpty() || annulerLigne(rdv.get().id()) == 0) {
            return false;
        }
        evenements.publishEvent(new RendezVousChange(rdv.get().id(), dossier.id(), Changement.ANNULE));
        return true;
    }

    private int annulerLigne(long id) {
        return jdbc.sql("update permis_rendez_vous set statut = 'ANNULE', annule_le = ? where id = ? and statut = 'ACTIF'")
                .params(Timestamp.from(horloge.instant()), id).update();
    }

    /** The service's active appointments of that day, by time then desk (the day's list of the préfecture). */
    public List<AuGuichet> duJour(String service, LocalDate jour) {
        return jdbc.sql(COLONNES + "where service = ? and statut = 'ACTIF' and debut >= ? and debut < ? order by debut, guichet")
                .params(service, Timestamp.from(AgendaPrefecture.instant(jour.atStartOfDay())),
                        Timestamp.from(AgendaPrefecture.instant(jour.plusDays(1).atStartOfDay())))
                .query(LIGNE).list().stream()
                .flatMap(r -> dossiers.pourInstruction(r.dossierId()).stream().map(d -> new AuGuichet(r.debut(), r.guichet(), d.id(),
                        d.numero(), (texte(d, "prenoms") + " " + texte(d, "nom")).strip())))
                .toList();
    }

    private static String texte(Dossier dossier, String champ) {
        return dossier.reponses().get(champ) instanceof String valeur ? valeur : "";
    }

    public Optional<RendezVous> actif(long dossierId) {
        return jdbc.sql(COLONNES + "where dossier_id = ? and statut = 'ACTIF'").param(dossierId).query(LIGNE).optional();
    }

    public Optional<RendezVous> parId(long id) {
        return jdbc.sql(COLONNES + "where id = ?").param(id).query(LIGNE).optional();
    }
}
