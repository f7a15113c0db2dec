package fr.gouv.guichet.permis.internal;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the tests of the title's instruction and production share: the CERT's actions, the states, the e-mails sent. */
final class FabricationDeTest {

    private FabricationDeTest() {
    }

    /** The CERT agent fires a transition from the dossier page (confirmed). */
    static void agir(MockMvc mvc, Cookie agent, long id, String transition, String motif) throws Exception {
        mvc.perform(post("/agent/dossiers/" + id + "/actions/" + transition).cookie(agent).with(csrf()).param("motif", motif)
                        .param("confirme", "oui"))
                .andExpect(status().is3xxRedirection());
    }

    static String etat(JdbcClient jdbc, long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    /** E-mails recorded as sent ({@code courriel_envoi}) for the dossier's transitions to {@code vers}. */
    static int courrielsEnvoyes(JdbcClient jdbc, long id, String vers) {
        return jdbc.sql("""
                        select count(*) from courriel_envoi e join dossier_transition t
                          on e.cle = 'notification-transition:' || t.dossier_id || ':' || t.id
                        where t.dossier_id = ? and t.vers = ? and e.envoye_le is not null""")
                .params(id, vers).query(Integer.class).single();
    }

    /** Waits up to 60 s (asynchronous listeners, scheduled task every 2 s in tests, loaded machine). */
    static void attendre(BooleanSupplier condition, String quoi) throws InterruptedException {
        Instant limite = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limite)) {
                throw new AssertionError("Jamais atteint en 60 s : " + quoi);
            }
            Thread.sleep(200);
        }
    }
}
