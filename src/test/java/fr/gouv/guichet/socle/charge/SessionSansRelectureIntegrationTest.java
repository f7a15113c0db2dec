package fr.gouv.guichet.socle.charge;

import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The session saved at the end of a request answers Spring Session's look-up that immediately follows, and nothing
 * else: MockMvc runs every request on the test's thread, so a session remembered beyond its request would be found
 * by the next one. A session deleted in the database between two requests (signed out on another instance, expired
 * and purged) must not come back from memory.
 */
@TestGuichet
class SessionSansRelectureIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    SessionRepository<?> sessions;

    @Test
    void uneSessionSupprimeeEnBaseEntreDeuxRequetes_neRevientPasDeLaMemoireDuFil() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        mvc.perform(get("/usager/dossiers").cookie(session)).andExpect(status().isOk());

        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("delete from spring_session where session_id = ?").param(id).update()).isEqualTo(1);

        mvc.perform(get("/usager/dossiers").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(sessions.findById(id)).isNull();
    }

    @Test
    void leDepotDesSessionsResteUnJdbcIndexedSessionRepository() {
        assertThat(sessions).isInstanceOf(JdbcIndexedSessionRepository.class);
    }
}
