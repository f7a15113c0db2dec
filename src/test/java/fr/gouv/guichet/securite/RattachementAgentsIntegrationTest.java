package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 10: an administrator cannot attach another préfecture's agent without their consent; an agent
 * removed then invited again must choose a new password; a deactivated agent's right password says nothing more
 * than a wrong one.
 */
@TestGuichet
class RattachementAgentsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agents agentsService;
    @Autowired
    GreenMail greenMail;

    private List<String> prefectures(long agentId) {
        return jdbc.sql("select service from agent_service where agent_id = ? order by 1").param(agentId)
                .query(String.class).list();
    }

    private void inviter(Cookie admin, String code, String email) throws Exception {
        mvc.perform(post("/agent/prefectures/" + code + "/agents").cookie(admin).with(csrf())
                .param("email", email).param("nom", "Agent invité").param("role", "INSTRUCTEUR"));
    }

    private String lien(String email, int numero) {
        String texte = new BoiteCourriels(greenMail).attendre(email, "Invitation", numero).texte();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(/agent/invitation\\?jeton=[A-Za-z0-9_-]+)").matcher(texte);
        assertThat(m.find()).as("lien d’invitation").isTrue();
        return m.group(1);
    }

    private String connexion(String email, String motDePasse) throws Exception {
        MvcResult r = mvc.perform(post("/agent/connexion").with(csrf()).param("email", email).param("motDePasse", motDePasse)
                .with(req -> {
                    req.setRemoteAddr("198.19.7." + (int) (Math.random() * 200));
                    return req;
                })).andReturn();
        if ("/agent".equals(r.getResponse().getRedirectedUrl())) {
            return "CONNECTE";
        }
        return mvc.perform(get("/agent/connexion").cookie(r.getResponse().getCookie("GUICHET_SESSION"))).andReturn().getResponse()
                .getContentAsString().replaceAll("(?s).*(<div[^>]*fr-alert--error.*?</div>).*", "$1");
    }

    @Test
    void agentDUneAutrePrefecture_rattacheSeulementSIlAccepte() throws Exception {
        AgentsDeTest agents = new AgentsDeTest(agentsService);
        AgentsDeTest.Agent agent83 = agents.agent("83", RoleAgent.INSTRUCTEUR);
        Cookie admin75 = ConnexionsHttp.agent(mvc, agents.agent("75", RoleAgent.ADMINISTRATEUR));

        inviter(admin75, "75", agent83.email());
        assertThat(prefectures(agent83.id())).containsExactly("83");
        // Their password still works, unchanged.
        assertThat(connexion(agent83.email(), AgentsDeTest.MOT_DE_PASSE)).isEqualTo("CONNECTE");

        String lien = lien(agent83.email(), 1);
        assertThat(mvc.perform(get(lien)).andReturn().getResponse().getContentAsString()).contains("Accepter l’invitation");
        mvc.perform(post("/agent/invitation").with(csrf()).param("jeton", lien.substring(lien.indexOf('=') + 1)));
        assertThat(prefectures(agent83.id())).containsExactly("75", "83");
    }

    @Test
    void agentRetirePuisReinvite_doitChoisirUnNouveauMotDePasse_etSonBonMotDePasseNeDitRienDePlus() throws Exception {
        AgentsDeTest agents = new AgentsDeTest(agentsService);
        AgentsDeTest.Agent agent = agents.agent("83", RoleAgent.INSTRUCTEUR);
        Cookie admin83 = ConnexionsHttp.agent(mvc, agents.agent("83", RoleAgent.ADMINISTRATEUR));
        mvc.perform(post("/agent/prefectures/83/agents/" + agent.id() + "/desactivation").cookie(admin83).with(csrf()));

        String bon = connexion(agent.email(), AgentsDeTest.MOT_DE_PASSE);
        String mauvais = connexion(agent.email(), "Un mauvais mot de passe 1");
        assertThat(bon).isNotEqualTo("CONNECTE").isEqualTo(mauvais).contains("est incorrect");

        Cookie admin75 = ConnexionsHttp.agent(mvc, agents.agent("75", RoleAgent.ADMINISTRATEUR));
        inviter(admin75, "75", agent.email());
        assertThat(prefectures(agent.id())).containsExactly("75");
        assertThat(connexion(agent.email(), AgentsDeTest.MOT_DE_PASSE)).isNotEqualTo("CONNECTE");

        String lien = lien(agent.email(), 1);
        mvc.perform(post("/agent/invitation").with(csrf()).param("jeton", lien.substring(lien.indexOf('=') + 1))
                .param("motDePasse", "Nouveau mot de passe de l’agent 2026").param("confirmation", "Nouveau mot de passe de l’agent 2026"));
        assertThat(connexion(agent.email(), "Nouveau mot de passe de l’agent 2026")).isEqualTo("CONNECTE");
        assertThat(connexion(agent.email(), AgentsDeTest.MOT_DE_PASSE)).isNotEqualTo("CONNECTE");
    }
}
