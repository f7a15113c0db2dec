package fr.gouv.guichet.socle;

import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TestGuichet
class SocleIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Departements departements;

    @Test
    void sante_rapporteLEtatGlobalSansLaListeDesComposants() throws Exception {
        // Issue 10, point 11: the components (database, mail server…) are not listed to anyone.
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void referentiel_101DepartementsEtParisServiParLaPrefectureDePolice() {
        assertThat(departements.tous()).hasSize(101);
        assertThat(departements.parCode("75").orElseThrow().libellePrefecture()).isEqualTo("Préfecture de police");
        assertThat(departements.parCode("83").orElseThrow().libellePrefecture()).isEqualTo("Préfecture du Var");
        assertThat(departements.parCode("2B").orElseThrow().nom()).isEqualTo("Haute-Corse");
        assertThat(departements.parCode("976").orElseThrow().chefLieu()).isEqualTo("Mamoudzou");
    }

    @Test
    void enTetesDeSecurite() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void erreurs_enFrancaisSansTraceTechnique() throws Exception {
        mvc.perform(get("/nulle-part").accept("text/html")).andExpect(status().isNotFound());
        String erreur = mvc.perform(get("/error").accept("text/html").requestAttr("jakarta.servlet.error.status_code", 500))
                .andReturn().getResponse().getContentAsString();
        assertThat(erreur).contains("Erreur inattendue").doesNotContain("Exception").doesNotContain("at org.");
    }
}
