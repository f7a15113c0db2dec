package fr.gouv.guichet.securite;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Issue 10, point 11: malformed form actions and a direct {@code GET /error} answered 500; health listed components. */
@TestGuichet
class ReponsesAuxSondesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Value("${local.server.port}")
    int port;

    @Test
    void actionsDeFormulaireMalFormees_jamaisDe500() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(), null, null);
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        for (String action : List.of("retirer-x", "retirer-", "retirer--1", "retirer-cameras-99999999999", "retirer-a-b")) {
            int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
            int statut = mvc.perform(post("/usager/dossiers/" + id + "/pages/1").cookie(session).with(csrf())
                    .param("action", action).param("version", String.valueOf(version))).andReturn().getResponse().getStatus();
            assertThat(statut).as(action).isLessThan(500);
        }
    }

    @Test
    void pageDErreurDemandeeDirectement_404EnFrancais() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("lang=\"fr\"").doesNotContain("Exception");
    }

    @Test
    void sante_neListePasSesComposants() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("UP").doesNotContain("components").doesNotContain("mail").doesNotContain("db");
    }
}
