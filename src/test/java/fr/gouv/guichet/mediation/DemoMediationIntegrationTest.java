package fr.gouv.guichet.mediation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The demo mode seeds the médiateur of the point numérique of Toulon, with the documented credentials (README). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"guichet.demo=true", "guichet.url-publique=http://localhost"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoMediationIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void leMediateurDuPointNumeriqueDeToulonSeConnecteAvecLesIdentifiantsDocumentes() throws Exception {
        MvcResult connexion = mvc.perform(post("/mediateur/connexion").with(csrf()).param("email", "mediateur-toulon@demo.guichet.local")
                .param("motDePasse", "Demo-Guichet-2026")).andReturn();
        assertThat(connexion.getResponse().getRedirectedUrl()).isEqualTo("/mediateur");
        String page = mvc.perform(get("/mediateur").cookie(connexion.getResponse().getCookie("GUICHET_SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Point numérique de la préfecture du Var").contains("Démarrer une session accompagnée");
    }
}
