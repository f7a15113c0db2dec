package fr.gouv.guichet.securite;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Issue 10, point 4: a 200,000-character field is saved neither by autosave nor by the page, with a French message. */
@TestGuichet
class ChampsBornesIntegrationTest {

    private static final String ENORME = "A".repeat(200_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;

    @Test
    void champDeDeuxCentMilleCaracteres_jamaisEnregistre_messageFrancais() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();

        var auto = mvc.perform(post("/usager/dossiers/" + id + "/pages/1/auto").cookie(session).with(csrf())
                .param("version", String.valueOf(version)).param("denomination", ENORME)).andReturn().getResponse();
        assertThat(auto.getStatus()).isEqualTo(400);
        assertThat(auto.getContentAsString()).contains("TROP_LONG").contains("5000 caractères");

        var page = mvc.perform(post("/usager/dossiers/" + id + "/pages/1").cookie(session).with(csrf())
                .param("action", "conserver").param("version", String.valueOf(version)).param("denomination", ENORME))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("ne peut pas dépasser").contains("(vous en avez saisi 200000)");

        assertThat(jdbc.sql("select length(reponses->>'denomination') from dossier where id = ?").param(id)
                .query(Integer.class).single()).isLessThan(1_000);
    }
}
