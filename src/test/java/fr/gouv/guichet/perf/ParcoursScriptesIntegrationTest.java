package fr.gouv.guichet.perf;

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
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The scripted journeys outside the suite (the load bench {@code bench/}, the cluster script {@code deploy/local})
 * recognise a deposit by the message of the dossier's page: when the platform reworded it, the bench counted no
 * deposit at all without anyone noticing. Their expected text is read from their sources and checked here against
 * the page a real deposit shows.
 */
@TestGuichet
class ParcoursScriptesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;

    @Test
    void leBancEtLeScriptDeLaGrappeReconnaissentLeMessageDeDepot() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        long id = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        MvcResult depot = mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui")).andReturn();
        assertThat(depot.getResponse().getRedirectedUrl()).isEqualTo("/usager/dossiers/" + id);
        String page = mvc.perform(get("/usager/dossiers/" + id).cookie(session).flashAttrs(depot.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        String numero = jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();

        String banc = attendu(Path.of("bench/src/test/java/guichet/bench/Parcours.java"),
                "regex\\(\"([^\"]*sous le numéro)\"\\)");
        assertThat(page).as("texte attendu par le banc : %s", banc).contains(banc);
        String grappe = attendu(Path.of("deploy/local/parcours.py"), "NUMERO_FLASH = re\\.compile\\(r\"([^\"]+)\"\\)");
        Matcher m = Pattern.compile(grappe).matcher(page);
        assertThat(m.find()).as("motif du script de la grappe : %s", grappe).isTrue();
        assertThat(m.group(1)).isEqualTo(numero);
    }

    private static String attendu(Path source, String motif) throws Exception {
        Matcher m = Pattern.compile(motif).matcher(Files.readString(source));
        assertThat(m.find()).as("%s attend un message de dépôt (%s)", source, motif).isTrue();
        return m.group(1);
    }
}
