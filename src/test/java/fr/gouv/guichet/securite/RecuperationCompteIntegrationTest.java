package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 5: an attacker who knew the password asks for an e-mail change; the owner then resets or changes
 * the password. The pending change (and every other pending link) must die, and the attacker's session too.
 */
@TestGuichet
class RecuperationCompteIntegrationTest {

    private static final String NOUVEAU = "Nouvelle phrase de passe du titulaire 2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    GreenMail greenMail;

    private String changementDAdresseParLAttaquant(ComptesDeTest.Compte victime, Cookie sessionAttaquant) throws Exception {
        String adresse = "attaquant-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        mvc.perform(post("/compte/email").cookie(sessionAttaquant).with(csrf())
                .param("nouvelEmail", adresse).param("motDePasseEmail", ComptesDeTest.MOT_DE_PASSE));
        String lien = new BoiteCourriels(greenMail).attendre(adresse, "Confirmez").lien();
        return lien.substring(lien.indexOf("jeton=") + 6);
    }

    private void verifierEvince(ComptesDeTest.Compte victime, Cookie sessionAttaquant, String jeton) throws Exception {
        mvc.perform(post("/compte/email/confirmer").with(csrf()).param("jeton", jeton));
        assertThat(jdbc.sql("select email from usager where id = ?").param(victime.id()).query(String.class).single())
                .isEqualTo(victime.email());
        String redirection = mvc.perform(get("/compte").cookie(sessionAttaquant)).andReturn().getResponse().getRedirectedUrl();
        assertThat(redirection).as("session de l’attaquant fermée").contains("/connexion");
    }

    @Test
    void reinitialisation_revoqueLeChangementDAdresseEnAttenteEtLesAutresSessions() throws Exception {
        ComptesDeTest.Compte victime = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie attaquant = ConnexionsHttp.usager(mvc, victime);
        String jeton = changementDAdresseParLAttaquant(victime, attaquant);

        mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", victime.email()));
        String lien = new BoiteCourriels(greenMail).attendre(victime.email(), "Réinitialisation").lien();
        String reset = lien.substring(lien.indexOf("jeton=") + 6);
        mvc.perform(post("/mot-de-passe/reinitialiser").with(csrf()).param("jeton", reset)
                .param("motDePasse", NOUVEAU).param("confirmation", NOUVEAU));
        assertThat(encodeur.matches(NOUVEAU, jdbc.sql("select mot_de_passe from usager where id = ?").param(victime.id())
                .query(String.class).single())).isTrue();
        verifierEvince(victime, attaquant, jeton);
    }

    @Test
    void changementDeMotDePasse_revoqueLeChangementDAdresseEnAttenteEtLesAutresSessions() throws Exception {
        ComptesDeTest.Compte victime = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie attaquant = ConnexionsHttp.usager(mvc, victime);
        Cookie titulaire = ConnexionsHttp.usager(mvc, victime);
        String jeton = changementDAdresseParLAttaquant(victime, attaquant);

        mvc.perform(post("/compte/mot-de-passe").cookie(titulaire).with(csrf()).param("actuel", ComptesDeTest.MOT_DE_PASSE)
                .param("nouveau", NOUVEAU).param("confirmation", NOUVEAU));
        verifierEvince(victime, attaquant, jeton);
        assertThat(mvc.perform(get("/compte").cookie(titulaire)).andReturn().getResponse().getStatus())
                .as("la session du titulaire reste ouverte").isEqualTo(200);
    }
}
