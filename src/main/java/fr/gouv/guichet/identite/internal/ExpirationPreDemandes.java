package fr.gouv.guichet.identite.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.identite.CycleIdentite;
import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.timbre.TimbreRefuseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A pré-demande never taken at a town hall expires the day after its validity (issue 14, point 1), by a db-scheduler
 * task (persisted, one instance at a time): first the timbres reserved online are given back to the timbre service
 * (service down: the pré-demande waits for the next run, nothing half done), then, in one transaction, its future
 * appointment is cancelled (the place returns to the search, the national platform is told) and the lifecycle's
 * system transition {@link CycleIdentite#EXPIRER} is recorded, which the usager sees in "Mes dossiers" and by e-mail.
 * Booking and the counter refuse an out-of-date pré-demande on their own, whether the task has run or not.
 */
@Service
public class ExpirationPreDemandes {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirationPreDemandes.class);
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final JdbcClient jdbc;
    private final PreDemandes preDemandes;
    private final Reservations reservations;
    private final TimbresPreDemande timbres;
    private final InstructionDossiers dossiers;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    ExpirationPreDemandes(JdbcClient jdbc, PreDemandes preDemandes, Reservations reservations, TimbresPreDemande timbres,
                          InstructionDossiers dossiers, TransactionTemplate transaction, Clock horloge) {
        this.jdbc = jdbc;
        this.preDemandes = preDemandes;
        this.reservations = reservations;
        this.timbres = timbres;
        this.dossiers = dossiers;
        this.transaction = transaction;
        this.horloge = horloge;
    }

    /** Expires the out-of-date pré-demandes (at most 200 a run); returns how many. */
    public int expirer() {
        LocalDate aujourdhui = preDemandes.aujourdhui();
        List<String> dues = jdbc.sql("""
                        select numero from identite_pre_demande where consommee_le is null and expiree_le is null
                          and valide_jusquau < ? order by valide_jusquau limit 200""")
                .param(aujourdhui).query(String.class).list();
        int expirees = 0;
        for (String numero : dues) {
            PreDemande pd = preDemandes.parNumero(new NumeroPreDemande(numero)).orElseThrow();
            try {
                timbres.liberer(pd.dossierId());
            } catch (ServiceExterneIndisponibleException | TimbreRefuseException e) {
                LOG.warn("Pré-demande {} : timbre non libéré ({}), expiration reprise au prochain passage", numero, e.getMessage());
                continue;
            }
            if (Boolean.TRUE.equals(transaction.execute(s -> expirerVerrouille(pd.numero(), aujourdhui)))) {
                expirees++;
            }
        }
        return expirees;
    }

    private boolean expirerVerrouille(NumeroPreDemande numero, LocalDate aujourdhui) {
        PreDemande pd = preDemandes.verrouiller(numero).orElseThrow();
        if (pd.consommee() || !pd.expireeLe(aujourdhui)
                || jdbc.sql("select expiree_le is not null from identite_pre_demande where numero = ?").param(numero.valeur())
                .query(Boolean.class).single()) {
            return false;
        }
        jdbc.sql("update identite_pre_demande set expiree_le = ? where numero = ?")
                .params(Timestamp.from(horloge.instant()), numero.valeur()).update();
        reservations.annulerALExpiration(numero);
        if (dossiers.pourInstruction(pd.dossierId()).map(d -> CycleIdentite.DEPOSE.equals(d.etat())).orElse(false)) {
            dossiers.appliquer(pd.dossierId(), CycleIdentite.EXPIRER, TypeActeur.SYSTEME, 0,
                    "elle était valable jusqu’au " + JOUR.format(pd.valideJusquau()));
        } else {
            // The dossier left the "validated" state otherwise (never without the pré-demande being consumed): only marked.
            LOG.warn("Pré-demande {} : dossier {} hors de l’état déposé, expiration seulement notée", numero.valeur(), pd.dossierId());
        }
        return true;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Tache {
        @Bean
        RecurringTask<Void> expirationPreDemandesTache(ExpirationPreDemandes expiration) {
            return Tasks.recurring("identite-expiration-pre-demandes", Schedules.fixedDelay(Duration.ofHours(1)))
                    .execute((instance, contexte) -> expiration.expirer());
        }
    }
}
