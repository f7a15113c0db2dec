package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.compte.internal.UsagerRepository;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 6: a look-alike spelling (U+0130 « İ », the Kelvin sign « K ») neither gives more password guesses on
 * an account nor squats the real address; an unactivated sign-up does not hold an address after its link expired.
 */
@TestGuichet
class AdressesUnicodeIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    GreenMail greenMail;
    @Autowired
    UsagerRepository usagers;
    @Autowired
    Clock horloge;

    private String connexion(String email, String motDePasse, String ip) throws Exception {
        var reponse = mvc.perform(post("/connexion").with(csrf()).param("email", email).param("motDePasse", motDePasse)
                .with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                })).andReturn().getResponse();
        return String.valueOf(reponse.getRedirectedUrl());
    }

    private long usager(String email) {
        return jdbc.sql("insert into usager (email, mot_de_passe, active, active_le) values (?, ?, true, now()) returning id")
                .params(email, encodeur.encode(ComptesDeTest.MOT_DE_PASSE)).query(Long.class).single();
    }

    @Test
    void iMajusculePointe_neDonnePasDEssaisEnPlusSurLeCompteReel() throws Exception {
        String nom = "usager-" + UUID.randomUUID().toString().substring(0, 8);
        usager(nom + "@demo.guichet.local");
        for (int i = 0; i < 5; i++) {
            connexion(nom + "@demo.guichet.local", "mauvais " + i, "10.60.0.1");
        }
        // Each dotted capital I is a fresh spelling: none of them may reach the real, now throttled, account.
        for (String variante : new String[]{nom + "@demo.gu\u0130chet.local", nom + "@DEMO.GU\u0130CHET.LOCAL"}) {
            assertThat(connexion(variante, ComptesDeTest.MOT_DE_PASSE, "10.60.0.2")).doesNotContain("/usager");
        }
        assertThat(connexion(nom + "@demo.guichet.local", ComptesDeTest.MOT_DE_PASSE, "10.60.0.3")).doesNotContain("/usager");
    }

    @Test
    void signeKelvin_memeCompteEtMemeFrein() throws Exception {
        String nom = "arim-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        usager("k" + nom);
        for (int i = 0; i < 5; i++) {
            connexion("\u212A" + nom, "mauvais " + i, "10.61.0.1");
        }
        assertThat(connexion("k" + nom, ComptesDeTest.MOT_DE_PASSE, "10.61.0.2")).doesNotContain("/usager");
    }

    @Test
    void inscriptionAvecIMajusculePointe_refusee_etNeBloquePasLAdresseReelle() throws Exception {
        String suffixe = UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String page = mvc.perform(post("/inscription").with(csrf()).param("email", "kar\u0130m-" + suffixe)
                        .param("motDePasse", "Une phrase de passe assez longue 2026").param("confirmation", "Une phrase de passe assez longue 2026"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("n’est pas valide");
        mvc.perform(post("/inscription").with(csrf()).param("email", "karim-" + suffixe)
                .param("motDePasse", "Une autre phrase de passe 2026").param("confirmation", "Une autre phrase de passe 2026"));
        assertThat(new BoiteCourriels(greenMail).attendre("karim-" + suffixe, "Activez votre compte").lien()).contains("/activation?jeton=");
        assertThat(jdbc.sql("select count(*) from usager where email like ?").param("%" + suffixe).query(Integer.class).single()).isEqualTo(1);
    }


    @Test
    void inscriptionAvecSigneKelvin_leLienVaALAdresseReelle_etLeCompteEstPurgeALExpiration() throws Exception {
        String reelle = "karim-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        mvc.perform(post("/inscription").with(csrf()).param("email", "\u212A" + reelle.substring(1))
                .param("motDePasse", "Une phrase de passe assez longue 2026").param("confirmation", "Une phrase de passe assez longue 2026"));
        assertThat(jdbc.sql("select email from usager where lower(email) like ?").param("%" + reelle.substring(1))
                .query(String.class).list()).containsExactly(reelle);
        assertThat(new BoiteCourriels(greenMail).attendre(reelle, "Activez votre compte").lien()).contains("/activation?jeton=");

        // Nothing is purged while the link is valid; once it has expired, the address is free again.
        usagers.purgerNonActives(horloge.instant());
        assertThat(jdbc.sql("select count(*) from usager where email = ?").param(reelle).query(Integer.class).single()).isEqualTo(1);
        usagers.purgerNonActives(horloge.instant().plus(Duration.ofHours(25)));
        assertThat(jdbc.sql("select count(*) from usager where email = ?").param(reelle).query(Integer.class).single()).isZero();
    }

    @Test
    void echecsDeConnexion_comptesParReseauIPv6EnSlash64() throws Exception {
        String nom = "usager-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        usager(nom);
        String reseau = "2001:db8:" + Integer.toHexString(0x1000 + (int) (Math.random() * 0xe000)) + ":42::";
        for (int i = 0; i < 30; i++) {
            connexion("inconnu-" + i + "-" + nom, "mauvais", reseau + Integer.toHexString(i + 1));
        }
        // Another address of the same /64: the network is throttled, even with the right password of another account.
        assertThat(connexion(nom, ComptesDeTest.MOT_DE_PASSE, reseau + "ffff")).doesNotContain("/usager");
        assertThat(connexion(nom, ComptesDeTest.MOT_DE_PASSE, "10.62.0.1")).contains("/usager");
    }
}
