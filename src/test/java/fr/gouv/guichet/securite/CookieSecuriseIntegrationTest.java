package fr.gouv.guichet.securite;

import fr.gouv.guichet.support.ComptesDeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Guichet behind a TLS-terminating proxy that does not pass X-Forwarded-Proto: GUICHET_COOKIE_SECURE=true makes the
 * session cookie {@code Secure} even though the request reaches Tomcat over plain HTTP. (Its own context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"GUICHET_COOKIE_SECURE=true",
        "guichet.url-publique=https://guichet.exemple.fr", "db-scheduler.enabled=false"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CookieSecuriseIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    @Test
    void cookieDeSession_secureMemeSurUneRequeteHttp_quandGuichetCookieSecure() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        String cookie = mvc.perform(post("/connexion").with(csrf()).param("email", usager.email())
                        .param("motDePasse", ComptesDeTest.MOT_DE_PASSE)).andReturn().getResponse().getHeaders("Set-Cookie").stream()
                .filter(c -> c.startsWith("GUICHET_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
    }
}
