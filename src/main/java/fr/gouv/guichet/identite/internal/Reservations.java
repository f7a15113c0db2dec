package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.identite.PlateformeNationaleRendezVous;
import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.RendezVous;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Books, moves and cancels appointments. The two rules that matter — one active appointment per pré-demande across
 * every town hall, one booking per device and slot — are unique partial indexes of {@code identite_rendez_vous}: two
 * concurrent bookings cannot both succeed whatever this code does. The pré-demande's row is locked first, so that
 * bookings of one pré-demande run one after the other and the second one is told which appointment to move.
 */
@Service
public class Reservations {

    /** What a booking came to. */
    public sealed interface Resultat {
    }

    public record Reserve(RendezVous rendezVous) implements Resultat {
    }

    /** The pré-demande already has an active appointment: it must be moved (or cancelled) first. */
    public record DejaReserve(RendezVous existant) implements Resultat {
    }

    /** Every place of the slot was taken meanwhile. */
    public record CreneauPris() implements Resultat {
    }

    /** Not a slot of the town hall (closed, past, malformed) or a town hall without Guichet's agenda. */
    public record CreneauInvalide() implements Resultat {
    }

    /** Consumed, expired, unknown or another usager's. */
    public record PreDemandeInutilisable(String raison) implements Resultat {
    }

    /**
     * The national platform knows an appointment of this pré-demande at another booking site: the usager cancels it
     * there first (its link), or says they did and books anyway.
     */
    public record DejaReserveAilleurs(PlateformeNationaleRendezVous.RendezVousNational ailleurs) implements Resultat {
    }

    /** The national platform could not be reached: nothing is booked, the usager tries again. */
    public record PlateformeIndisponible(String message) implements Resultat {
    }

    /** Published after a booking or a move (confirmation e-mail). */
    public record RendezVousReserve(long rendezVousId, String numero, boolean deplacement) {
    }

    public record RendezVousAnnule(long rendezVousId, String numero, boolean expiration) {
    }

    private static final String COLONNES = """
            select r.id, r.mairie, s.nom, r.debut, r.poste, r.numero_pre_demande, r.usager_id, r.statut, r.reserve_le
            from identite_rendez_vous r join service_instructeur s on s.code = r.mairie\s""";

    static final RowMapper<RendezVous> LIGNE = (rs, i) -> new RendezVous(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant().atZone(PreDemandes.PARIS).toLocalDateTime(), rs.getInt(5),
            new NumeroPreDemande(rs.getString(6)), rs.getObject(7, Long.class), RendezVous.Statut.valueOf(rs.getString(8)),
            rs.getTimestamp(9).toInstant());

    private final JdbcClient jdbc;
    private final PreDemandes preDemandes;
    private final Mairies mairies;
    private final Agenda agenda;
    private final ApplicationEventPublisher evenements;
    private final PlateformeNationaleRendezVous plateforme;
    private final Environment env;
    private final Clock horloge;

    Reservations(JdbcClient jdbc, PreDemandes preDemandes, Mairies mairies, Agenda agenda, ApplicationEventPublisher evenements,
                 PlateformeNationaleRendezVous plateforme, Environment env, Clock horloge) {
        this.plateforme = plateforme;
        this.env = env;
        this.jdbc = jdbc;
        this.preDemandes = preDemandes;
        this.mairies = mairies;
        this.agenda = agenda;
        this.evenements = evenements;
        this.horloge = horloge;
    }

    /**
     * Books {@code debut} at {@code mairie} for the usager's pré-demande. With {@code deplacer}, the pré-demande's active
     * appointment, if any, is cancelled in the same transaction (a move); without, an active appointment is reported.
     */
    @Transactional
    public Resultat reserver(long usagerId, NumeroPreDemande numero, String mairie, LocalDateTime debut, boolean deplacer) {
        return reserver(usagerId, numero, mairie, debut, deplacer, false);
    }

    /**
     * The same, after the national platform's check: a number it does not hold as bookable is refused; an appointment
     * it knows at another booking site is reported unless {@code malgreAilleurs} (the usager cancelled it there).
     */
    @Transactional
    public Resultat reserver(long usagerId, NumeroPreDemande numero, String mairie, LocalDateTime debut, boolean deplacer,
                             boolean malgreAilleurs) {
        Optional<PreDemande> lue = preDemandes.verrouiller(numero).filter(p -> p.usagerId() != null && p.usagerId() == usagerId);
        if (lue.isEmpty()) {
            return new PreDemandeInutilisable("Ce numéro ne correspond à aucune de vos pré-demandes.");
        }
        PreDemande pd = lue.get();
        if (pd.consommee()) {
            return new PreDemandeInutilisable("Cette pré-demande a déjà été utilisée en mairie : elle ne peut plus servir à prendre rendez-vous.");
        }
        if (pd.expireeLe(preDemandes.aujourdhui())) {
            return new PreDemandeInutilisable("Cette pré-demande a expiré : faites une nouvelle pré-demande.");
        }
        Optional<Mairie> m = mairies.parService(mairie);
        if (m.isEmpty() || !agenda.estUnCreneau(m.get(), debut)) {
            return new CreneauInvalide();
        }
        Optional<Resultat> national = verifierNationalement(numero, malgreAilleurs);
        if (national.isPresent()) {
            return national.get();
        }
        Optional<RendezVous> existant = actif(numero);
        if (existant.isPresent() && !deplacer) {
            return new DejaReserve(existant.get());
        }
        verrouillerMairies(existant.map(RendezVous::mairie).orElse(mairie), mairie);
        if (existant.isPresent()) {
            annulerLigne(existant.get().id());
        }
        for (int poste = 1; poste <= m.get().dispositifs(); poste++) {
            Optional<Long> id = jdbc.sql("""
                            insert into identite_rendez_vous (mairie, debut, poste, numero_pre_demande, usager_id, statut, reserve_le)
                            values (?, ?, ?, ?, ?, 'ACTIF', ?)
                            on conflict (mairie, debut, poste) where statut <> 'ANNULE' do nothing returning id""")
                    .params(mairie, Timestamp.from(Agenda.instant(debut)), poste, numero.valeur(), usagerId,
                            Timestamp.from(horloge.instant()))
                    .query(Long.class).optional();
            if (id.isPresent()) {
                evenements.publishEvent(new RendezVousReserve(id.get(), numero.valeur(), existant.isPresent()));
                return new Reserve(parId(id.get()).orElseThrow());
            }
        }
        if (existant.isPresent()) {
            // The move failed: the former appointment stays as it was.
            throw new CreneauPrisPendantDeplacement();
        }
        return new CreneauPris();
    }

    /**
     * Every booking holds its town halls' lock, taken in one global order, before it writes a row: a move cancels its
     * appointment and then waits for a place, so two moves crossing each other (A takes B's slot while B takes A's)
     * each waited for the other's uncommitted cancellation and PostgreSQL killed one of them. Under the lock, bookings
     * of one town hall run one after the other (a few per second at most), those of different town halls in parallel.
     */
    private void verrouillerMairies(String ancienne, String nouvelle) {
        IntStream.of(ancienne.hashCode(), nouvelle.hashCode()).distinct().sorted().forEach(cle ->
                jdbc.sql("select pg_advisory_xact_lock(hashtext('identite-rendez-vous'), ?)").param(cle).query().singleRow());
    }

    private Optional<Resultat> verifierNationalement(NumeroPreDemande numero, boolean malgreAilleurs) {
        PlateformeNationaleRendezVous.StatutNational statut;
        try {
            statut = plateforme.statut(numero);
        } catch (ServiceExterneIndisponibleException e) {
            return Optional.of(new PlateformeIndisponible("Nous n’arrivons pas à joindre la plateforme nationale des rendez-vous, "
                    + "qui vérifie qu’une pré-demande n’a qu’un rendez-vous en France. Rien n’est réservé : réessayez dans quelques minutes."));
        }
        if (!statut.reservable()) {
            return Optional.of(new PreDemandeInutilisable(switch (statut.statut()) {
                case "consumed" -> "Cette pré-demande a déjà été utilisée pour un dossier : elle ne peut plus servir à prendre rendez-vous.";
                case "expired" -> "Cette pré-demande a expiré : faites une nouvelle pré-demande.";
                default -> "La plateforme nationale ne reconnaît pas cette pré-demande comme valable : vérifiez le numéro.";
            }));
        }
        String prefixe = SynchronisationAnts.prefixeGestion(env);
        return malgreAilleurs ? Optional.empty() : statut.rendezVous().stream().filter(r -> !r.urlGestion().startsWith(prefixe))
                .findFirst().map(DejaReserveAilleurs::new);
    }

    /** Cancels the usager's own future appointment; false if it is not theirs, not active or already past. */
    @Transactional
    public boolean annuler(long usagerId, long rendezVousId) {
        Optional<RendezVous> rdv = parId(rendezVousId).filter(r -> r.usagerId() != null && r.usagerId() == usagerId && r.actif());
        if (rdv.isEmpty() || !rdv.get().debut().isAfter(LocalDateTime.now(horloge.withZone(PreDemandes.PARIS)))) {
            return false;
        }
        if (annulerLigne(rendezVousId) == 0) {
            return false;
        }
        evenements.publishEvent(new RendezVousAnnule(rendezVousId, rdv.get().numero().valeur(), false));
        return true;
    }

    /**
     * The pré-demande expired: its future active appointment is cancelled (the place returns to the search at once),
     * in the caller's transaction; a past one the town hall did not mark stays as it is.
     */
    void annulerALExpiration(NumeroPreDemande numero) {
        LocalDateTime maintenant = LocalDateTime.now(horloge.withZone(PreDemandes.PARIS));
        for (RendezVous rdv : deLaPreDemande(numero)) {
            if (rdv.actif() && rdv.debut().isAfter(maintenant) && annulerLigne(rdv.id()) == 1) {
                evenements.publishEvent(new RendezVousAnnule(rdv.id(), numero.valeur(), true));
            }
        }
    }

    private int annulerLigne(long id) {
        return jdbc.sql("update identite_rendez_vous set statut = 'ANNULE', annule_le = ? where id = ? and statut = 'ACTIF'")
                .params(Timestamp.from(horloge.instant()), id).update();
    }

    public Optional<RendezVous> parId(long id) {
        return jdbc.sql(COLONNES + "where r.id = ?").param(id).query(LIGNE).optional();
    }

    public Optional<RendezVous> actif(NumeroPreDemande numero) {
        return jdbc.sql(COLONNES + "where r.numero_pre_demande = ? and r.statut = 'ACTIF'").param(numero.valeur()).query(LIGNE).optional();
    }

    public List<RendezVous> deLaPreDemande(NumeroPreDemande numero) {
        return jdbc.sql(COLONNES + "where r.numero_pre_demande = ? order by r.reserve_le desc").param(numero.valeur()).query(LIGNE).list();
    }

    /** The town hall's appointments of the day, every status, in time order. */
    public List<RendezVous> duJour(String mairie, LocalDate jour) {
        return jdbc.sql(COLONNES + "where r.mairie = ? and r.debut >= ? and r.debut < ? and r.statut <> 'ANNULE' order by r.debut, r.poste")
                .params(mairie, Timestamp.from(Agenda.instant(jour.atStartOfDay())), Timestamp.from(Agenda.instant(jour.plusDays(1).atStartOfDay())))
                .query(LIGNE).list();
    }

    /** The town hall marks an appointment of its own as a no-show; false if it is not one of its active appointments. */
    @Transactional
    public boolean marquerAbsent(String mairie, long rendezVousId) {
        return jdbc.sql("update identite_rendez_vous set statut = 'ABSENT' where id = ? and mairie = ? and statut = 'ACTIF' and debut <= ?")
                .params(rendezVousId, mairie, Timestamp.from(horloge.instant())).update() == 1;
    }

    /**
     * When the pré-demande is taken at {@code mairie}: its active appointment there is honoured, one elsewhere is
     * cancelled (the place returns to the search).
     */
    void apresRecueil(NumeroPreDemande numero, String mairie) {
        jdbc.sql("""
                        update identite_rendez_vous set statut = case when mairie = ? then 'HONORE' else 'ANNULE' end,
                          annule_le = case when mairie = ? then null else cast(? as timestamptz) end
                        where numero_pre_demande = ? and statut = 'ACTIF'""")
                .params(mairie, mairie, Timestamp.from(horloge.instant()), numero.valeur()).update();
    }

    /** A move whose new slot was taken meanwhile: the transaction is undone, the former appointment kept. */
    public static class CreneauPrisPendantDeplacement extends RuntimeException {
        CreneauPrisPendantDeplacement() {
            super("Créneau pris pendant le déplacement");
        }
    }
}
