package fr.gouv.guichet.mediation;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.mediation.internal.Mediateurs;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriers;
import fr.gouv.guichet.support.AgentsDeTest;
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
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may open the médiateurs' pages and their préfecture's pages about them: a usager, an agent, a médiateur of
 * another place, an instructeur (not administrator), an agent of another service; and the invitation of a médiateur
 * by the préfecture's administrator, from the e-mail to the sign-in and the deactivation.
 */
@TestGuichet
class AccesMediationIntegrationTest {

    static final String TOULON = "guichet-pn-83-toulon";
    static final String DRAGUIGNAN = "guichet-pn-83-draguignan";
    static final String MOT_DE_PASSE = "Mot de passe du médiateur 2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    Mediateurs mediateurs;
    @Autowired
    Courriers courriers;
    @Autowired
    Agents agents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    GreenMail greenMail;

    String nouveauMediateur(String lieu) {
        String email = "mediateur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        mediateurs.creerAvecMotDePasse(email, "Médiateur", lieu, "83", MOT_DE_PASSE);
        return email;
    }

    Cookie connexionMediateur(String email, String motDePasse) throws Exception {
        MvcResult r = mvc.perform(post("/mediateur/connexion").with(csrf()).param("email", email).param("motDePasse", motDePasse))
                .andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/mediateur");
        return r.getResponse().getCookie("GUICHET_SESSION");
    }

    int statut(String url, Cookie session) throws Exception {
        return mvc.perform(get(url).cookie(session)).andReturn().getResponse().getStatus();
    }

    @Test
    void unMediateurNeVoitQueLesCourriersDeSonLieuEtRienDesUsagersNiDesAgents() throws Exception {
        String cleToulon = "courrier-test:" + UUID.randomUUID();
        courriers.deposerUneFois(cleToulon, TOULON, "Louise GIRAUD", Courriel.simple("", "Accusé de réception", List.of("Reçu.")));
        Cookie toulon = connexionMediateur(nouveauMediateur(TOULON), MOT_DE_PASSE);
        Cookie draguignan = connexionMediateur(nouveauMediateur(DRAGUIGNAN), MOT_DE_PASSE);

        assertThat(mvc.perform(get("/mediateur").cookie(toulon)).andReturn().getResponse().getContentAsString())
                .contains("Louise GIRAUD");
        assertThat(mvc.perform(get("/mediateur").cookie(draguignan)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Louise GIRAUD");
        assertThat(statut("/mediateur/courrier?cle=" + cleToulon, toulon)).isEqualTo(200);
        assertThat(statut("/mediateur/courrier?cle=" + cleToulon, draguignan)).isEqualTo(404);
        assertThat(mvc.perform(post("/mediateur/courrier/remis").cookie(draguignan).with(csrf()).param("cle", cleToulon))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(courriers.aRemettre(TOULON)).extracting(Courriers.Courrier::cle).contains(cleToulon);

        // A médiateur has no usager's nor agent's access.
        for (String url : List.of("/usager", "/usager/dossiers", "/usager/notifications", "/compte", "/agent",
                "/agent/services/83/file", "/agent/services/83/mediateurs")) {
            assertThat(statut(url, toulon)).as(url).isEqualTo(403);
        }
    }

    @Test
    void lesPagesMediateurSontRefuseesAuxUsagersEtAuxAgents() throws Exception {
        Cookie usager = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("83"));
        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("83", RoleAgent.ADMINISTRATEUR));
        for (Cookie session : List.of(usager, agent)) {
            assertThat(statut("/mediateur", session)).isEqualTo(403);
            assertThat(statut("/mediateur/courrier?cle=x", session)).isEqualTo(403);
            assertThat(mvc.perform(post("/mediateur/sessions").cookie(session).with(csrf())).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
        }
        assertThat(mvc.perform(get("/mediateur")).andReturn().getResponse().getRedirectedUrl()).endsWith("/mediateur/connexion");
    }

    @Test
    void lesStatistiquesSontReserveesAuxAdministrateursDeLaPrefecture() throws Exception {
        AgentsDeTest agentsDeTest = new AgentsDeTest(agents);
        Cookie admin = ConnexionsHttp.agent(mvc, agentsDeTest.agent("83", RoleAgent.ADMINISTRATEUR));
        Cookie instructeur = ConnexionsHttp.agent(mvc, agentsDeTest.agent("83", RoleAgent.INSTRUCTEUR));
        Cookie autrePrefecture = ConnexionsHttp.agent(mvc, agentsDeTest.agent("13", RoleAgent.ADMINISTRATEUR));
        Cookie cert = ConnexionsHttp.agent(mvc, agentsDeTest.agent("cert-permis-bordeaux", RoleAgent.ADMINISTRATEUR));
        jdbc.sql("""
                insert into session_accompagnee (id, mediateur_id, lieu_id, debut, derniere_activite, inactivite_s, fin, motif_fin,
                  derniere_etape)
                values (?, (select id from mediateur where lower(email) = lower(?)), ?, now(), now(), 600, now(), 'INACTIVITE',
                  '/usager/dossiers/{n}/pages/{n}')""")
                .params(UUID.randomUUID(), nouveauMediateur(TOULON), TOULON).update();
        for (String url : List.of("/agent/services/83/mediation/statistiques", "/agent/services/83/mediation/statistiques.csv",
                "/agent/services/83/mediateurs")) {
            assertThat(statut(url, instructeur)).as(url).isEqualTo(403);
            assertThat(statut(url, autrePrefecture)).as(url).isEqualTo(404);
            assertThat(statut(url, cert)).as(url).isEqualTo(404);
            assertThat(statut(url, admin)).as(url).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/agent/services/83/mediation/statistiques").cookie(admin)).andReturn().getResponse()
                .getContentAsString()).contains("Point numérique de la préfecture du Var").contains("Formulaire");
        MvcResult csv = mvc.perform(get("/agent/services/83/mediation/statistiques.csv").cookie(admin)).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFindicateur;lieu;mois;demarche;etape;valeur")
                .containsPattern("sessions;\"Point numérique de la préfecture du Var\";\\d{4}-\\d{2};\"\";\"\";\\d+")
                .contains("sessions_sans_depot_par_etape");
    }

    @Test
    void lAdministrateurInviteUnMediateurQuiChoisitSonMotDePasseEtPeutEtreDesactive() throws Exception {
        Cookie admin = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("83", RoleAgent.ADMINISTRATEUR));
        String email = "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String refus = mvc.perform(post("/agent/services/83/mediateurs").cookie(admin).with(csrf()).param("email", email)
                .param("nom", "Camille").param("lieu", "lieu-d-un-autre-departement")).andReturn().getResponse().getContentAsString();
        assertThat(refus).contains("Choisissez le lieu d’aide du médiateur dans la liste.").contains("aria-invalid=\"true\"");
        assertThat(mvc.perform(post("/agent/services/83/mediateurs").cookie(admin).with(csrf()).param("email", email)
                .param("nom", "Camille").param("lieu", TOULON)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/agent/services/83/mediateurs");
        BoiteCourriels.Recu invitation = new BoiteCourriels(greenMail).attendre(email, "Invitation à accompagner");
        String jeton = invitation.lien().substring(invitation.lien().indexOf("jeton=") + 6);
        assertThat(mvc.perform(post("/mediateur/invitation").with(csrf()).param("jeton", jeton).param("motDePasse", "court")
                .param("confirmation", "court")).andReturn().getResponse().getContentAsString()).contains("motDePasse-erreur");
        assertThat(mvc.perform(post("/mediateur/invitation").with(csrf()).param("jeton", jeton).param("motDePasse", MOT_DE_PASSE)
                .param("confirmation", MOT_DE_PASSE)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/mediateur/connexion");
        Cookie mediateur = connexionMediateur(email, MOT_DE_PASSE);
        assertThat(mvc.perform(get("/mediateur").cookie(mediateur)).andReturn().getResponse().getContentAsString())
                .contains("Point numérique de la préfecture du Var");

        long id = jdbc.sql("select id from mediateur where email = ?").param(email).query(Long.class).single();
        mvc.perform(post("/agent/services/83/mediateurs/" + id + "/desactivation").cookie(admin).with(csrf()));
        assertThat(statut("/mediateur", mediateur)).isEqualTo(403);
        assertThat(mvc.perform(post("/mediateur/connexion").with(csrf()).param("email", email).param("motDePasse", MOT_DE_PASSE))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/mediateur/connexion");
    }
}
