package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 7: anonymous forms that send e-mail (sign-up, forgotten password, resending the activation link)
 * are limited per address typed and per client network: twenty requests in a row send a handful of e-mails, not twenty.
 */
@TestGuichet
class InondationCourrielsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    GreenMail greenMail;

    @Test
    void vingtInscriptionsPourUneAdresseExistante_pasVingtCourriels() throws Exception {
        ComptesDeTest.Compte victime = new ComptesDeTest(jdbc, encodeur).usager("83");
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/inscription").with(csrf()).param("email", victime.email())
                    .param("motDePasse", "Une phrase de passe assez longue 2026").param("confirmation", "Une phrase de passe assez longue 2026"));
            mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", victime.email()));
            mvc.perform(post("/activation/renvoyer").with(csrf()).param("email", victime.email()));
        }
        Thread.sleep(3000);
        assertThat(new BoiteCourriels(greenMail).pour(victime.email())).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void unMemeReseau_nePeutPasInonderDesAdressesDifferentes() throws Exception {
        int acceptees = 0;
        for (int i = 0; i < 25; i++) {
            String adresse = "inconnu-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
            String page = mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", adresse).with(r -> {
                r.setRemoteAddr("2001:db8:42:7::" + Integer.toHexString(0x100 + (int) (Math.random() * 0xfff)));
                return r;
            })).andReturn().getResponse().getContentAsString();
            if (!page.contains("Trop de demandes")) {
                acceptees++;
            }
        }
        assertThat(acceptees).isEqualTo(20);
    }
}
