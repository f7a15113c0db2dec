package fr.gouv.guichet.support;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Signs in through the real sign-in forms and returns the session cookie (Spring Session), for MockMvc tests. */
public final class ConnexionsHttp {

    private ConnexionsHttp() {
    }

    public static Cookie usager(MockMvc mvc, ComptesDeTest.Compte compte) throws Exception {
        MvcResult r = mvc.perform(post("/connexion").with(csrf()).param("email", compte.email())
                .param("motDePasse", ComptesDeTest.MOT_DE_PASSE)).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/usager");
        return r.getResponse().getCookie("GUICHET_SESSION");
    }

    public static Cookie agent(MockMvc mvc, AgentsDeTest.Agent agent) throws Exception {
        MvcResult r = mvc.perform(post("/agent/connexion").with(csrf()).param("email", agent.email())
                .param("motDePasse", AgentsDeTest.MOT_DE_PASSE)).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/agent");
        return r.getResponse().getCookie("GUICHET_SESSION");
    }
}
