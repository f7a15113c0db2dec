package fr.gouv.guichet.notification;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17: an accusé de réception was e-mailed twice at a database failover (the SMTP server had accepted it, the
 * listener's transaction holding the "sent" mark was lost with the primary, the outbox sent it again).
 */
@TestGuichet
class EnvoiUniqueIntegrationTest {

    @Autowired
    Courriels courriels;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    GreenMail greenMail;

    private final String destinataire = "envoi-unique-" + UUID.randomUUID() + "@exemple.fr";
    private final String cle = "test-envoi-unique:" + UUID.randomUUID();

    @AfterEach
    void nettoyer() {
        jdbc.sql("drop trigger if exists panne_confirmation on courriel_envoi").update();
        jdbc.sql("drop function if exists panne_confirmation()").update();
        jdbc.sql("drop sequence if exists panne_confirmation_compte").update();
    }

    private Courriel courriel() {
        return new Courriel(destinataire, "Accusé de réception " + cle, List.of("Votre demande est reçue."), null, null,
                List.of(), cle.replace(':', '.'));
    }

    private long recus() {
        return new BoiteCourriels(greenMail).pour(destinataire).size();
    }

    private String etat() {
        return jdbc.sql("select case when envoye_le is null then 'reserve' else 'envoye' end from courriel_envoi where cle = ?")
                .param(cle).query(String.class).optional().orElse("absent");
    }

    @Test
    void laTransactionDeLEcouteurPerdueApresLAcceptationSmtpNeFaitPasRenvoyerLeCourriel() {
        // The outbox listener's transaction: the e-mail goes, then the transaction is lost (the primary died).
        assertThatThrownBy(() -> transaction.executeWithoutResult(t -> {
            courriels.envoyerUneFois(cle, courriel());
            throw new IllegalStateException("primaire perdu avant la validation de la transaction de l'écouteur");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(recus()).isEqualTo(1);

        // The outbox resubmits the publication (from the promoted standby): nothing is sent again.
        transaction.executeWithoutResult(t -> courriels.envoyerUneFois(cle, courriel()));
        transaction.executeWithoutResult(t -> courriels.envoyerUneFois(cle, courriel()));

        assertThat(recus()).isEqualTo(1);
        assertThat(etat()).isEqualTo("envoye");
        assertThat(courriels.dejaEnvoye(cle)).isTrue();
    }

    @Test
    void laConfirmationRefuseePendantLaBasculeEstReessayeeJusquACeQueLaBaseRevienne() {
        // The first two confirmations meet a database that cannot be reached (SQLSTATE 08006, connection failure).
        jdbc.sql("create sequence panne_confirmation_compte").update();
        jdbc.sql("""
                create function panne_confirmation() returns trigger language plpgsql as $$
                begin
                  if new.envoye_le is not null and new.cle like 'test-envoi-unique:%' and nextval('panne_confirmation_compte') <= 2 then
                    raise exception 'connexion perdue (essai)' using errcode = '08006';
                  end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger panne_confirmation before update on courriel_envoi for each row execute function panne_confirmation()").update();

        courriels.envoyerUneFois(cle, courriel());

        assertThat(jdbc.sql("select last_value from panne_confirmation_compte").query(Long.class).single()).isEqualTo(3);
        assertThat(etat()).isEqualTo("envoye");
        courriels.envoyerUneFois(cle, courriel());
        assertThat(recus()).isEqualTo(1);
    }

    @Test
    void uneReservationTenueAilleursNEnvoieRienPuisEstRepriseQuandSonInstanceEstMorte() {
        jdbc.sql("insert into courriel_envoi (cle, reserve_le) values (?, now())").param(cle).update();

        assertThatThrownBy(() -> courriels.envoyerUneFois(cle, courriel()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("en cours d'envoi");
        assertThat(recus()).isZero();

        // Held for longer than guichet.courriel.reprise-apres: the instance that held it died before sending.
        jdbc.sql("update courriel_envoi set reserve_le = now() - interval '1 hour' where cle = ?").param(cle).update();
        courriels.envoyerUneFois(cle, courriel());
        courriels.envoyerUneFois(cle, courriel());

        assertThat(recus()).isEqualTo(1);
        assertThat(jdbc.sql("select tentatives from courriel_envoi where cle = ?").param(cle).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void unEnvoiRefuseLibereLaReservationPourLeProchainEssai() {
        Courriel invalide = new Courriel("pas une adresse@@", "Accusé", List.of("x"), null, null, List.of(), "x");

        assertThatThrownBy(() -> courriels.envoyerUneFois(cle, invalide)).isInstanceOf(MailException.class);
        assertThat(etat()).isEqualTo("absent");

        courriels.envoyerUneFois(cle, courriel());
        assertThat(recus()).isEqualTo(1);
    }
}
