package fr.gouv.guichet.socle.charge;

import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The session row is rewritten only when it changed or once a minute, and the session keeps working meanwhile. */
@TestGuichet
class EcritureSessionIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    private long dernierAcces(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    private int page(Cookie session) throws Exception {
        return mvc.perform(get("/usager/dossiers").cookie(session)).andReturn().getResponse().getStatus();
    }

    @Test
    void derniere_activite_ecrite_au_plus_une_fois_par_minute() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        String id = new String(Base64.getDecoder().decode(session.getValue()));
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?").param(id)
                .query(String.class).single()).as("la connexion (nouvel identifiant, titulaire) est écrite").isNotNull();

        long apresConnexion = dernierAcces(id);
        Thread.sleep(20);
        assertThat(page(session)).isEqualTo(200);
        assertThat(dernierAcces(id)).as("requête dans la minute : ligne non réécrite").isEqualTo(apresConnexion);

        jdbc.sql("update spring_session set last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000 where session_id = ?")
                .param(id).update();
        assertThat(page(session)).isEqualTo(200);
        assertThat(dernierAcces(id)).as("plus d'une minute après : ligne réécrite").isGreaterThan(apresConnexion);

        jdbc.sql("update spring_session set last_access_time = last_access_time - 1900000, expiry_time = expiry_time - 1900000 where session_id = ?")
                .param(id).update();
        assertThat(page(session)).as("31 minutes sans activité : session expirée").isEqualTo(302);
    }
}
