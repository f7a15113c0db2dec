package fr.gouv.guichet.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Optional;

/**
 * The sending record of e-mails that must go once (table {@code courriel_envoi}), each step in its own committed
 * transaction, never in the caller's: a reservation is durable (on the primary and its synchronous standby) before the
 * SMTP server is contacted, and the confirmation is written right after the SMTP server accepted the message —
 * retried for {@code reprise-apres / 2} if the database is unreachable (failover), so that a failover between the
 * acceptance and the caller's commit no longer sends the e-mail again. A reservation never confirmed (its instance
 * died) is taken over after {@code guichet.courriel.reprise-apres}: the only remaining way to send twice is an
 * instance killed between the SMTP acceptance and the confirmation, and the copy then has the same Message-ID.
 */
@Component
public class EnvoisUniques {

    private static final Logger log = LoggerFactory.getLogger(EnvoisUniques.class);

    public enum Reservation { ACQUISE, DEJA_ENVOYE, EN_COURS_AILLEURS }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactionPropre;
    private final Duration repriseApres;

    EnvoisUniques(JdbcClient jdbc, PlatformTransactionManager transactions,
                  @Value("${guichet.courriel.reprise-apres:PT10M}") Duration repriseApres) {
        this.jdbc = jdbc;
        this.transactionPropre = new TransactionTemplate(transactions);
        this.transactionPropre.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.repriseApres = repriseApres;
    }

    /** Reserves the sending under this key, or says it was sent, or that another attempt holds it. */
    public Reservation reserver(String cle) {
        return transactionPropre.execute(t -> {
            Optional<Integer> tentative = jdbc.sql("""
                            insert into courriel_envoi (cle, reserve_le) values (?, now())
                            on conflict (cle) do update set reserve_le = now(), tentatives = courriel_envoi.tentatives + 1
                            where courriel_envoi.envoye_le is null
                              and courriel_envoi.reserve_le < now() - make_interval(secs => ?)
                            returning tentatives""")
                    .params(cle, (double) repriseApres.toSeconds()).query(Integer.class).optional();
            if (tentative.isPresent()) {
                if (tentative.get() > 1) {
                    log.warn("Courriel {} : réservation jamais confirmée reprise (tentative {}) ; s'il avait été accepté "
                            + "par le serveur SMTP, la copie porte le même Message-ID", cle, tentative.get());
                }
                return Reservation.ACQUISE;
            }
            return envoye(cle) ? Reservation.DEJA_ENVOYE : Reservation.EN_COURS_AILLEURS;
        });
    }

    public boolean envoye(String cle) {
        return jdbc.sql("select count(*) from courriel_envoi where cle = ? and envoye_le is not null").param(cle)
                .query(Integer.class).single() > 0;
    }

    /** The SMTP server accepted the message: recorded, retried each second while the database cannot be reached. */
    public void confirmer(String cle) {
        long limite = System.nanoTime() + repriseApres.dividedBy(2).toNanos();
        while (true) {
            try {
                transactionPropre.executeWithoutResult(t ->
                        jdbc.sql("update courriel_envoi set envoye_le = now() where cle = ?").param(cle).update());
                return;
            } catch (DataAccessException | TransactionException e) {
                if (System.nanoTime() > limite) {
                    throw e;
                }
                log.warn("Courriel {} accepté par le serveur SMTP, envoi pas encore enregistré (nouvel essai dans 1 s) : {}",
                        cle, e.getMessage());
                attendre();
            }
        }
    }

    /** The SMTP server refused the message: the reservation is dropped, the next attempt sends it. */
    public void liberer(String cle) {
        try {
            transactionPropre.executeWithoutResult(t ->
                    jdbc.sql("delete from courriel_envoi where cle = ? and envoye_le is null").param(cle).update());
        } catch (DataAccessException | TransactionException e) {
            log.warn("Courriel {} : réservation non libérée, reprise dans {} : {}", cle, repriseApres, e.getMessage());
        }
    }

    private static void attendre() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrompu pendant l'enregistrement d'un courriel envoyé", e);
        }
    }
}
