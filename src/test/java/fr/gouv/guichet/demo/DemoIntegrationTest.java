package fr.gouv.guichet.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The demo mode seeds one agent per préfecture and per CERT, a usager and dossiers, with the documented credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"guichet.demo=true", "guichet.url-publique=http://localhost"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void agentsParPrefecture_usager_etDossiers_avecLesIdentifiantsDocumentes() throws Exception {
        assertThat(jdbc.sql("""
                        select count(*) from agent where email like 'agent-%@demo.guichet.local' and email not like 'agent-cert-%'
                          and email not like 'agent-mairie-%'""")
                .query(Integer.class).single()).isEqualTo(101);
        // One agent per equipped town hall of the Var (identity titles' counter).
        assertThat(jdbc.sql("select count(*) from agent where email like 'agent-mairie-%@demo.guichet.local'").query(Integer.class).single())
                .isEqualTo(jdbc.sql("select count(*) from service_instructeur where type = 'MAIRIE' and code_departement = '83'")
                        .query(Integer.class).single()).isPositive();
        // One agent per CERT, plus the two CERTs of the Var's sources under short addresses.
        int cert = jdbc.sql("select count(*) from service_instructeur where type = 'CERT'").query(Integer.class).single();
        assertThat(jdbc.sql("select count(*) from agent where email like 'agent-cert-%@demo.guichet.local'").query(Integer.class).single())
                .isEqualTo(cert + 2);
        assertThat(jdbc.sql("select count(*) from service_instructeur where telephone not like '01 99 00 %' or courriel not like '%.invalid'")
                .query(Integer.class).single()).as("coordonnées fictives partout").isZero();
        var bordeaux = mvc.perform(post("/agent/connexion").with(csrf()).param("email", "agent-cert-bordeaux@demo.guichet.local")
                .param("motDePasse", "Demo-Guichet-2026")).andReturn();
        String fileCert = mvc.perform(get("/agent/services/cert-permis-bordeaux/file").cookie(bordeaux.getResponse().getCookie("GUICHET_SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fileCert).contains("CERT permis de conduire de Bordeaux").contains("Var (83)");
        assertThat(jdbc.sql("select count(*) from dossier d join usager u on u.id = d.usager_id where u.email = 'usager@demo.guichet.local' and d.etat <> 'BROUILLON'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(5);
        var agent = mvc.perform(post("/agent/connexion").with(csrf()).param("email", "agent-83@demo.guichet.local")
                .param("motDePasse", "Demo-Guichet-2026")).andReturn();
        assertThat(agent.getResponse().getRedirectedUrl()).isEqualTo("/agent");
        assertThat(agent.getResponse().getHeaders("Set-Cookie")).as("cookies").isNotEmpty();
        String file = mvc.perform(get("/agent/prefectures/83/file").cookie(agent.getResponse().getCookie("GUICHET_SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(file).contains("Mairie de La Seyne-sur-Mer").contains("Site exposé au risque terroriste");
        // Tiers de confiance (issue 15): a garage and a driving school habilitated, their managers can sign in to their space.
        assertThat(jdbc.sql("select count(*) from tiers_entreprise where statut = 'HABILITEE'").query(Integer.class).single()).isEqualTo(2);
        var ecole = mvc.perform(post("/connexion").with(csrf()).param("email", "auto-ecole@demo.guichet.local")
                .param("motDePasse", "Demo-Guichet-2026")).andReturn();
        assertThat(mvc.perform(get("/usager/pro").cookie(ecole.getResponse().getCookie("GUICHET_SESSION"))).andReturn().getResponse()
                .getContentAsString()).contains("Auto-école des Pins (démonstration)", "Demande de titre après réussite");
        assertThat(mvc.perform(get("/professionnels-habilites").param("q", "démonstration")).andReturn().getResponse()
                .getContentAsString()).contains("Garage du Port (démonstration)", "Auto-école des Pins (démonstration)");
        var usager = mvc.perform(post("/connexion").with(csrf()).param("email", "usager@demo.guichet.local")
                .param("motDePasse", "Demo-Guichet-2026")).andReturn();
        assertThat(usager.getResponse().getRedirectedUrl()).isEqualTo("/usager");
    }
}
