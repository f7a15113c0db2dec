package fr.gouv.guichet.immatriculation.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.gouv.guichet.compte.EnvoisUsager;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.immatriculation.BaremeTaxes;
import fr.gouv.guichet.immatriculation.externe.PrestatairePaiement;
import fr.gouv.guichet.immatriculation.externe.ServiceIndisponible;
import fr.gouv.guichet.notification.Courriel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The refund of a payment received for a dossier already paid (two tabs, two real transactions with the provider):
 * asked of the provider at once, under the payment's row lock and an idempotency key of its own (asking again refunds
 * nothing more), then by the recurring task {@code immatriculation-remboursements} for as long as the provider does
 * not answer (nothing is lost: the payment stays {@code A_REMBOURSER}, shown to the usager as a refund in progress).
 * Once refunded, the usager is told by e-mail, once (outbox).
 */
@Component
public class Remboursements {

    /** A second payment of a dossier was refunded (published in the transaction that records it). */
    public record PaiementRembourse(long paiementId, long dossierId) {
    }

    private static final Logger log = LoggerFactory.getLogger(Remboursements.class);

    private record AFaire(long id, long dossierId, String reference, String identifiant, int montantCentimes) {
    }

    private final JdbcClient jdbc;
    private final PrestatairePaiement prestataire;
    private final TransactionTemplate transaction;
    private final Clock horloge;
    private final ApplicationEventPublisher evenements;

    Remboursements(JdbcClient jdbc, PrestatairePaiement prestataire, PlatformTransactionManager transactions, Clock horloge,
                   ApplicationEventPublisher evenements) {
        this.jdbc = jdbc;
        this.prestataire = prestataire;
        this.transaction = new TransactionTemplate(transactions);
        this.horloge = horloge;
        this.evenements = evenements;
    }

    /** Refunds this payment if it is to be refunded. @return false if the provider did not answer (tried again later) */
    public boolean rembourser(long paiementId) {
        return Boolean.TRUE.equals(transaction.execute(s -> {
            AFaire p = jdbc.sql("""
                            select id, dossier_id, reference, identifiant_prestataire, montant_centimes from paiement
                            where id = ? and statut = 'A_REMBOURSER' and identifiant_prestataire is not null for update""")
                    .param(paiementId).query((rs, i) -> new AFaire(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                    .optional().orElse(null);
            if (p == null) {
                return true;
            }
            String remboursement;
            try {
                remboursement = prestataire.rembourser(p.identifiant(), p.montantCentimes(),
                        "Second paiement de la demande " + p.dossierId() + ", déjà payée", "remboursement-" + p.reference());
            } catch (ServiceIndisponible e) {
                log.warn("Remboursement du paiement {} non obtenu : nouvel essai au prochain passage ({})", p.reference(), e.getMessage());
                return false;
            }
            jdbc.sql("update paiement set statut = 'REMBOURSE', identifiant_remboursement = ?, rembourse_le = ? where id = ?")
                    .params(remboursement, Timestamp.from(horloge.instant()), p.id()).update();
            evenements.publishEvent(new PaiementRembourse(p.id(), p.dossierId()));
            log.info("Paiement {} remboursé (remboursement {} chez le prestataire)", p.reference(), remboursement);
            return true;
        }));
    }

    /** One pass of the task: every payment still to refund, oldest first. */
    public void passage() {
        jdbc.sql("select id from paiement where statut = 'A_REMBOURSER' order by id limit 100").query(Long.class).list()
                .forEach(this::rembourser);
    }

    @Configuration(proxyBeanMethods = false)
    static class Tache {
        @Bean
        RecurringTask<Void> remboursementsImmatriculation(Remboursements remboursements,
                                                          @Value("${guichet.immatriculation.paiement.intervalle-remboursements:PT1M}") Duration intervalle) {
            return Tasks.recurring("immatriculation-remboursements", FixedDelay.of(intervalle))
                    .execute((instance, contexte) -> remboursements.passage());
        }
    }

    /** The usager's e-mail, sent once from the outbox. */
    @Component
    static class CourrielRemboursement {

        private final JdbcClient jdbc;
        private final InstructionDossiers dossiers;
        private final EnvoisUsager envois;
        private final Environment env;

        CourrielRemboursement(JdbcClient jdbc, InstructionDossiers dossiers, EnvoisUsager envois, Environment env) {
            this.jdbc = jdbc;
            this.dossiers = dossiers;
            this.envois = envois;
            this.env = env;
        }

        @ApplicationModuleListener
        void rembourse(PaiementRembourse e) {
            Dossier dossier = dossiers.pourInstruction(e.dossierId()).orElse(null);
            if (dossier == null || dossier.usagerId() == null) {
                return;
            }
            record Ligne(String reference, int centimes, String remboursement, Instant le) {
            }
            Ligne p = jdbc.sql("select reference, montant_centimes, identifiant_remboursement, rembourse_le from paiement where id = ?")
                    .param(e.paiementId()).query((rs, i) -> new Ligne(rs.getString(1), rs.getInt(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant())).single();
            String paye = jdbc.sql("select reference from paiement where dossier_id = ? and statut = 'PAYE'").param(e.dossierId())
                    .query(String.class).optional().orElse("");
            String numero = dossier.numero() == null ? "" : dossier.numero();
            String montant = BaremeTaxes.Taxes.euros(p.centimes());
            List<String> paragraphes = List.of(
                    "Votre demande " + numero + " était déjà payée (paiement " + paye + ") quand un second paiement de " + montant
                            + " (référence " + p.reference() + ") nous est parvenu, sans doute depuis une autre fenêtre.",
                    "Ce second paiement vous a été remboursé en entier le "
                            + DocumentsImmatriculation.DATE.format(p.le().atZone(Cessions.PARIS))
                            + " (remboursement n° " + p.remboursement() + "). Le délai avant qu’il apparaisse sur votre compte dépend "
                            + "de votre banque.",
                    "Vous n’avez rien à faire : votre demande suit son cours.");
            envois.envoyerUneFois(dossier.usagerId(), "immatriculation-remboursement:" + p.reference(), adresse -> new Courriel(adresse,
                    "Votre demande " + numero + " : second paiement remboursé", paragraphes, "Voir ma demande",
                    env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/vehicules/demandes/" + dossier.id(),
                    List.of(), "immatriculation-remboursement." + p.reference()));
        }
    }
}
