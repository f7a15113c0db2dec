package fr.gouv.guichet.agent;

import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 18, ADR 0029: the agent's rights are taken from their session, not read again at each request. Every change
 * of those rights must still apply at the next request, on every instance. The changes are made here by plain SQL on
 * the shared database, outside this instance's code and memory, as another instance (or an operator) would make them:
 * the only thing this instance sees is the database.
 */
@TestGuichet
class RevocationSessionsAgentIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agents agentsService;
    @Autowired
    SessionRepository<?> sessions;

    private int file(Cookie session) throws Exception {
        return mvc.perform(get("/agent/prefectures/83/file").cookie(session)).andReturn().getResponse().getStatus();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void sauver(Session session) {
        ((SessionRepository) sessions).save(session);
    }

    /** Signs the agent in and checks that their file opens. */
    private Cookie connecte(AgentsDeTest.Agent agent) throws Exception {
        Cookie session = ConnexionsHttp.agent(mvc, agent);
        assertThat(file(session)).isEqualTo(200);
        return session;
    }

    private AgentsDeTest.Agent instructeur83() {
        return new AgentsDeTest(agentsService).agent("83", RoleAgent.INSTRUCTEUR);
    }

    @Test
    void retrait_du_service_par_une_autre_instance_prend_effet_a_la_requete_suivante() throws Exception {
        AgentsDeTest.Agent agent = instructeur83();
        Cookie session = connecte(agent);

        jdbc.sql("delete from agent_service where agent_id = ? and service = '83'").param(agent.id()).update();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(agent.email())
                .query(Long.class).single()).as("sessions supprimées avec le retrait").isZero();
        assertThat(file(session)).as("session révoquée : retour à la connexion").isEqualTo(302);
    }

    @Test
    void desactivation_et_changement_de_role_revoquent_les_sessions() throws Exception {
        AgentsDeTest.Agent agent = instructeur83();
        Cookie session = connecte(agent);
        jdbc.sql("update agent_service set role = 'ADMINISTRATEUR' where agent_id = ?").param(agent.id()).update();
        assertThat(file(session)).as("nouveau rôle : nouvelle connexion").isEqualTo(302);

        session = ConnexionsHttp.agent(mvc, agent);
        assertThat(mvc.perform(get("/agent/prefectures/83/agents").cookie(session)).andReturn().getResponse().getStatus())
                .as("reconnecté, l'agent a son nouveau rôle").isEqualTo(200);
        jdbc.sql("update agent set actif = false where id = ?").param(agent.id()).update();
        assertThat(file(session)).as("agent désactivé").isEqualTo(302);
    }

    @Test
    void une_modification_sans_effet_sur_les_droits_garde_la_session() throws Exception {
        AgentsDeTest.Agent agent = instructeur83();
        AgentsDeTest.Agent autre = instructeur83();
        Cookie session = ConnexionsHttp.agent(mvc, agent);
        jdbc.sql("update agent set proconnect_derniere_connexion = now(), proconnect_amr = 'pwd' where id = ?")
                .param(agent.id()).update();
        jdbc.sql("update agent_service set role = role where agent_id = ?").param(agent.id()).update();
        jdbc.sql("delete from agent_service where agent_id = ?").param(autre.id()).update();
        assertThat(file(session)).isEqualTo(200);
    }

    @Test
    void une_requete_en_cours_ne_ressuscite_pas_une_session_revoquee() throws Exception {
        AgentsDeTest.Agent agent = instructeur83();
        Cookie cookie = ConnexionsHttp.agent(mvc, agent);
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        Session enCours = sessions.findById(id);
        assertThat(enCours).isNotNull();

        jdbc.sql("update agent set actif = false where id = ?").param(agent.id()).update();
        enCours.setAttribute("message", "écrit par une requête commencée avant la révocation");
        sauver(enCours);

        assertThat(jdbc.sql("select count(*) from spring_session_attributes where attribute_name = 'message'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(id).query(Long.class).single())
                .isZero();
    }
}
