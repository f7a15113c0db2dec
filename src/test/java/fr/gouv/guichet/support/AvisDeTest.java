package fr.gouv.guichet.support;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The commission's secretariat records, through HTTP, a session held today and the opinion it gave on a dossier. */
public final class AvisDeTest {

    private AvisDeTest() {
    }

    /** Returns the session's URL. */
    public static String avisRendu(MockMvc mvc, Cookie agent, String departement, long dossierId, String avis, String texte) throws Exception {
        String url = mvc.perform(post("/agent/prefectures/" + departement + "/commission/seances").cookie(agent).with(csrf())
                        .param("date", LocalDate.now(ZoneId.of("Europe/Paris")).toString()).param("heure", "00:00").param("lieu", "Préfecture"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(url).as("séance tenue créée").startsWith("/agent/prefectures/" + departement + "/commission/seances/");
        mvc.perform(post(url + "/inscriptions").cookie(agent).with(csrf()).param("dossier", String.valueOf(dossierId)));
        String retour = mvc.perform(post(url + "/dossiers/" + dossierId + "/avis").cookie(agent).with(csrf()).param("avis", avis)
                .param("texte", texte)).andReturn().getResponse().getRedirectedUrl();
        assertThat(retour).as("avis enregistré").isNotNull();
        return url;
    }
}
