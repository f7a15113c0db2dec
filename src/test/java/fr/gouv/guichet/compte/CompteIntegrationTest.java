package fr.gouv.guichet.compte;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Accounts end to end on the embedded PostgreSQL and SMTP server, through the HTTP layer. */
@TestGuichet
class CompteIntegrationTest {

    static final String MDP = "Une phrase de passe assez longue";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail greenMail;

    BoiteCourriels courriels;

    @BeforeEach
    void boite() {
        courriels = new BoiteCourriels(greenMail);
    }

    static String email() {
        return "compte-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    void inscrire(String email) throws Exception {
        mvc.perform(post("/inscription").with(csrf()).param("email", email).param("motDePasse", MDP).param("confirmation", MDP))
                .andExpect(redirectedUrl("/inscription/envoyee"));
    }

    static String jeton(String lien) {
        return UriComponentsBuilder.fromUriString(lien).build().getQueryParams().getFirst("jeton");
    }

    void activer(String email) throws Exception {
        String jeton = jeton(courriels.attendre(email, "Activez votre compte").lien());
        mvc.perform(post("/activation").with(csrf()).param("jeton", jeton)).andExpect(redirectedUrl("/connexion"));
    }

    /** Signs in; the answer's session cookie (Spring Session) carries the signed-in state or the refusal. */
    record Connexion(String redirection, Cookie session, MockMvc mvc) {
        /** The refusal reason as shown on the sign-in page the browser is sent back to. */
        String motif() throws Exception {
            String page = mvc.perform(get("/connexion").cookie(session)).andReturn().getResponse().getContentAsString();
            if (page.contains("pas encore activé")) {
                return "NON_ACTIVE";
            }
            if (page.contains("Trop de tentatives")) {
                return "FREINEE";
            }
            if (page.contains("est incorrect")) {
                return "IDENTIFIANTS";
            }
            return "AUCUN";
        }
    }

    Connexion connexion(String email, String motDePasse, String ip) throws Exception {
        MockHttpServletRequestBuilder requete = post("/connexion").with(csrf()).param("email", email).param("motDePasse", motDePasse)
                .with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                });
        MvcResult resultat = mvc.perform(requete).andReturn();
        return new Connexion(resultat.getResponse().getRedirectedUrl(), resultat.getResponse().getCookie("GUICHET_SESSION"), mvc);
    }

    @Test
    void inscription_creeUnCompteNonActiveAvecMotDePasseHacheEnArgon2id() throws Exception {
        String email = email();
        inscrire(email);
        var ligne = jdbc.sql("select active, mot_de_passe from usager where email = ?").param(email)
                .query((rs, i) -> new Object[]{rs.getBoolean(1), rs.getString(2)}).single();
        assertThat(ligne[0]).isEqualTo(false);
        assertThat((String) ligne[1]).startsWith("$argon2id$").doesNotContain(MDP);
        assertThat(courriels.attendre(email, "Activez votre compte").lien()).contains("/activation?jeton=");
    }

    @Test
    void inscription_adresseDejaPrise_memeReponseSansRevelerLeCompte_etLeTitulaireEstPrevenu() throws Exception {
        String email = email();
        inscrire(email);
        String autreCasse = email.toUpperCase();
        mvc.perform(post("/inscription").with(csrf()).param("email", autreCasse).param("motDePasse", MDP + " bis")
                        .param("confirmation", MDP + " bis"))
                .andExpect(redirectedUrl("/inscription/envoyee"));
        assertThat(jdbc.sql("select count(*) from usager where lower(email) = lower(?)").param(email).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(courriels.attendre(autreCasse, "existe déjà").texte()).contains("Un compte existe déjà");
    }

    @Test
    void activation_lienAUsageUnique_etLienExpireRefuse() throws Exception {
        String email = email();
        inscrire(email);
        String jeton = jeton(courriels.attendre(email, "Activez votre compte").lien());
        mvc.perform(post("/activation").with(csrf()).param("jeton", jeton)).andExpect(redirectedUrl("/connexion"));
        mvc.perform(post("/activation").with(csrf()).param("jeton", jeton)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("n’est plus valable"));

        String autre = email();
        inscrire(autre);
        String jetonExpire = jeton(courriels.attendre(autre, "Activez votre compte").lien());
        jdbc.sql("update jeton_compte set expire_le = now() - interval '1 minute' where usager_id = (select id from usager where email = ?)")
                .param(autre).update();
        mvc.perform(post("/activation").with(csrf()).param("jeton", jetonExpire))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("n’est plus valable"));
        assertThat(jdbc.sql("select active from usager where email = ?").param(autre).query(Boolean.class).single()).isFalse();
    }

    @Test
    void connexion_refuseeTantQueNonActive_puisAcceptee() throws Exception {
        String email = email();
        inscrire(email);
        Connexion refus = connexion(email, MDP, "192.0.2.10");
        assertThat(refus.motif()).isEqualTo("NON_ACTIVE");
        Connexion mauvais = connexion(email, "pas le bon mot de passe", "192.0.2.10");
        assertThat(mauvais.motif()).as("non activé révélé seulement au titulaire").isEqualTo("IDENTIFIANTS");
        activer(email);
        Connexion ok = connexion(email, MDP, "192.0.2.10");
        assertThat(ok.redirection()).isEqualTo("/usager");
    }

    @Test
    void renvoiDuLienActivation_limiteDansLeTemps() throws Exception {
        String email = email();
        inscrire(email);
        mvc.perform(post("/activation/renvoyer").with(csrf()).param("email", email)).andExpect(redirectedUrl("/connexion"));
        jdbc.sql("update jeton_compte set cree_le = now() - interval '3 minutes' where usager_id = (select id from usager where email = ?)")
                .param(email).update();
        mvc.perform(post("/activation/renvoyer").with(csrf()).param("email", email)).andExpect(redirectedUrl("/connexion"));
        courriels.attendre(email, "Activez votre compte", 2);
        Thread.sleep(500);
        assertThat(courriels.pour(email).stream().filter(r -> r.sujet().contains("Activez")).count()).isEqualTo(2);
        // Unknown address: same answer, nothing sent.
        mvc.perform(post("/activation/renvoyer").with(csrf()).param("email", "inconnu@exemple.fr"))
                .andExpect(redirectedUrl("/connexion"))
                .andExpect(flash().attributeExists("messageInfo"));
    }

    @Test
    void echecsRepetes_freinentLeCompte_puisLAdresseIp() throws Exception {
        String email = email();
        inscrire(email);
        activer(email);
        for (int i = 0; i < 5; i++) {
            assertThat(connexion(email, "mauvais " + i, "198.51.100.7").motif()).isEqualTo("IDENTIFIANTS");
        }
        assertThat(connexion(email, MDP, "198.51.100.8").motif())
                .as("le bon mot de passe est refusé tant que le compte est freiné").isEqualTo("FREINEE");

        String ip = "203.0.113.9";
        for (int i = 0; i < 30; i++) {
            connexion("inconnu-" + i + "@exemple.fr", "mauvais", ip);
        }
        String autre = email();
        inscrire(autre);
        activer(autre);
        assertThat(connexion(autre, MDP, ip).motif()).isEqualTo("FREINEE");
        assertThat(connexion(autre, MDP, "203.0.113.10").redirection()).isEqualTo("/usager");
    }

    @Test
    void motDePasseOublie_lienDUneHeure_usageUnique() throws Exception {
        String email = email();
        inscrire(email);
        activer(email);
        mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", email)).andExpect(redirectedUrl("/connexion"));
        String jeton = jeton(courriels.attendre(email, "Réinitialisation").lien());
        assertThat(jdbc.sql("select extract(epoch from expire_le - cree_le) from jeton_compte where type = 'REINITIALISATION' and usager_id = (select id from usager where email = ?)")
                .param(email).query(Double.class).single()).isEqualTo(3600.0);
        String nouveau = "Nouvelle phrase de passe solide";
        mvc.perform(post("/mot-de-passe/reinitialiser").with(csrf()).param("jeton", jeton).param("motDePasse", nouveau)
                .param("confirmation", nouveau)).andExpect(redirectedUrl("/connexion"));
        mvc.perform(post("/mot-de-passe/reinitialiser").with(csrf()).param("jeton", jeton).param("motDePasse", nouveau + "2")
                .param("confirmation", nouveau + "2")).andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("n’est plus valable"));
        assertThat(connexion(email, MDP, "192.0.2.50").motif()).isEqualTo("IDENTIFIANTS");
        assertThat(connexion(email, nouveau, "192.0.2.50").redirection()).isEqualTo("/usager");
        courriels.attendre(email, "a été modifié");
    }

    @Test
    void monCompte_changementEmailConfirmeParLien_puisSuppression() throws Exception {
        String email = email();
        inscrire(email);
        activer(email);
        Cookie session = connexion(email, MDP, "192.0.2.60").session();
        String nouvel = email();
        mvc.perform(post("/compte/email").cookie(session).with(csrf()).param("nouvelEmail", nouvel).param("motDePasseEmail", MDP))
                .andExpect(redirectedUrl("/compte"));
        assertThat(jdbc.sql("select count(*) from usager where email = ?").param(email).query(Integer.class).single()).isEqualTo(1);
        courriels.attendre(email, "Changement d’adresse");
        String jeton = jeton(courriels.attendre(nouvel, "Confirmez votre nouvelle adresse").lien());
        // Confirmed in the browser where the account is signed in: its session is closed with the others (ADR 0030),
        // and the message lands in a new one.
        Cookie apres = mvc.perform(post("/compte/email/confirmer").cookie(session).with(csrf()).param("jeton", jeton))
                .andExpect(redirectedUrl("/connexion")).andReturn().getResponse().getCookie("GUICHET_SESSION");
        assertThat(jdbc.sql("select count(*) from usager where email = ?").param(nouvel).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/compte").cookie(session)).andExpect(redirectedUrl("/connexion"));
        assertThat(apres).isNotNull();
        assertThat(mvc.perform(get("/connexion").cookie(apres)).andReturn().getResponse().getContentAsString())
                .contains("Votre nouvelle adresse électronique est confirmée");
        session = connexion(nouvel, MDP, "192.0.2.60").session();

        mvc.perform(post("/compte/suppression").cookie(session).with(csrf()).param("motDePasseSuppression", "faux"))
                .andExpect(status().isOk());
        mvc.perform(post("/compte/suppression").cookie(session).with(csrf()).param("motDePasseSuppression", MDP))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from usager where email = ?").param(nouvel).query(Integer.class).single()).isZero();
        courriels.attendre(nouvel, "supprimé");
    }

    @Test
    void choixPrefecture_memoriseEtModifiable_etCodeInconnuRefuse() throws Exception {
        String email = email();
        inscrire(email);
        activer(email);
        Cookie session = connexion(email, MDP, "192.0.2.70").session();
        mvc.perform(get("/usager").cookie(session)).andExpect(redirectedUrl("/usager/prefecture"));
        mvc.perform(post("/usager/prefecture").cookie(session).with(csrf()).param("departement", "99"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Choisissez dans la liste"));
        mvc.perform(post("/usager/prefecture").cookie(session).with(csrf()).param("departement", "2A")).andExpect(redirectedUrl("/usager"));
        mvc.perform(post("/usager/prefecture").cookie(session).with(csrf()).param("departement", "83")).andExpect(redirectedUrl("/usager"));
        mvc.perform(get("/usager").cookie(session)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Préfecture du Var"));
        assertThat(jdbc.sql("select code_departement from usager where email = ?").param(email).query(String.class).single()).isEqualTo("83");
    }

    @Test
    void session_expireApres30MinutesDInactivite_etNAppartientQuAuCompteConnecte() throws Exception {
        String email = email();
        inscrire(email);
        activer(email);
        connexion(email, MDP, "192.0.2.80");
        Integer inactivite = jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?").param(email)
                .query(Integer.class).single();
        assertThat(inactivite).isEqualTo(30 * 60);
        jdbc.sql("update spring_session set expiry_time = 0, last_access_time = 0 where principal_name = ?").param(email).update();
        Cookie expiree = jdbc.sql("select session_id from spring_session where principal_name = ?").param(email).query(String.class).optional()
                .map(id -> new Cookie("GUICHET_SESSION", java.util.Base64.getEncoder().encodeToString(id.getBytes()))).orElseThrow();
        mvc.perform(get("/usager").cookie(expiree)).andExpect(redirectedUrl("/connexion"));
    }

    @Test
    void espacesProteges_etCsrfExige() throws Exception {
        mvc.perform(get("/usager")).andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/compte")).andExpect(redirectedUrl("/connexion"));
        mvc.perform(post("/inscription").param("email", email()).param("motDePasse", MDP).param("confirmation", MDP))
                .andExpect(status().isForbidden());
        mvc.perform(post("/connexion").param("email", "x@exemple.fr").param("motDePasse", MDP)).andExpect(status().isForbidden());
    }
}
