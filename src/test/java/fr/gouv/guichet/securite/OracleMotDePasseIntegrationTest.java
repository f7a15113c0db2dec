package fr.gouv.guichet.securite;

import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 8: with a stolen session, the current-password checks of « Mon compte » (password change, e-mail
 * change, deletion) must be throttled like sign-in: after 5 failures even the right password is refused.
 */
@TestGuichet
class OracleMotDePasseIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    @Test
    void lesVerificationsDuMotDePasseActuel_sontFreineesCommeLaConnexion() throws Exception {
        for (String formulaire : List.of("/compte/mot-de-passe", "/compte/email", "/compte/suppression")) {
            ComptesDeTest.Compte victime = new ComptesDeTest(jdbc, encodeur).usager("83");
            Cookie volee = ConnexionsHttp.usager(mvc, victime);
            for (int i = 0; i < 6; i++) {
                essayer(volee, formulaire, "Mauvais essai numéro " + i);
            }
            String page = essayer(volee, formulaire, ComptesDeTest.MOT_DE_PASSE);
            assertThat(page).as(formulaire).contains("Trop d’essais de mot de passe");
            assertThat(jdbc.sql("select count(*) from usager where id = ? and email = ?").params(victime.id(), victime.email())
                    .query(Integer.class).single()).as(formulaire + " : rien n’a changé").isEqualTo(1);
        }
    }

    private String essayer(Cookie session, String formulaire, String motDePasse) throws Exception {
        String nouveau = "Autre phrase de passe assez longue 2026";
        var requete = post(formulaire).cookie(session).with(csrf());
        switch (formulaire) {
            case "/compte/mot-de-passe" -> requete.param("actuel", motDePasse).param("nouveau", nouveau).param("confirmation", nouveau);
            case "/compte/email" -> requete.param("nouvelEmail", "autre-" + UUID.randomUUID().toString().substring(0, 6) + "@exemple.fr")
                    .param("motDePasseEmail", motDePasse);
            default -> requete.param("motDePasseSuppression", motDePasse);
        }
        return mvc.perform(requete).andReturn().getResponse().getContentAsString();
    }
}
