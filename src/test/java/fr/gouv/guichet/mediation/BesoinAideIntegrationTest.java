package fr.gouv.guichet.mediation;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * "J'ai besoin d'aide" on every page, leading to the help of that very page; the dossier's service shown to its
 * owner only; a path given from outside never becomes a link elsewhere.
 */
@TestGuichet
class BesoinAideIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Agents agents;

    private String page(String chemin, @Nullable Cookie session) throws Exception {
        MockHttpServletRequestBuilder requete = get(chemin);
        if (session != null) {
            requete = requete.cookie(session);
        }
        var reponse = mvc.perform(requete).andReturn().getResponse();
        assertThat(reponse.getStatus()).as(chemin).isEqualTo(200);
        return reponse.getContentAsString();
    }

    private void entreeDAideVersCettePage(String chemin, @Nullable Cookie session) throws Exception {
        String html = page(chemin, session);
        String lien = "href=\"/besoin-d-aide?depuis=" + chemin + "\"";
        assertThat(html).as(chemin).contains("id=\"besoin-aide\"").contains("id=\"besoin-aide-entete\"").contains(lien);
    }

    @Test
    void chaquePage_publique_usager_agent_porteLEntreeDAideDeCettePage() throws Exception {
        for (String chemin : List.of("/", "/connexion", "/inscription", "/mot-de-passe-oublie", "/aide", "/lieux-aide",
                "/mentions-legales", "/accessibilite", "/donnees-personnelles", "/verifier", "/besoin-d-aide")) {
            entreeDAideVersCettePage(chemin, null);
        }
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie usager = ConnexionsHttp.usager(mvc, compte);
        long id = depose(compte);
        for (String chemin : List.of("/usager", "/usager/dossiers", "/compte", "/usager/dossiers/" + id)) {
            entreeDAideVersCettePage(chemin, usager);
        }
        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR));
        for (String chemin : List.of("/agent/prefectures/83/file", "/agent/prefectures/83/tableau-de-bord", "/agent/recapitulatif",
                "/agent/dossiers/" + id)) {
            entreeDAideVersCettePage(chemin, agent);
        }
    }

    @Test
    void aideDUnDossier_leServiceQuiLInstruitPourSonSeulTitulaire_FaqDeLaDemarche_lieuxProches_etIssuesDesBlocages() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        long id = depose(titulaire);
        String numero = jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
        String aide = page("/besoin-d-aide?depuis=/usager/dossiers/" + id, ConnexionsHttp.usager(mvc, titulaire));
        assertThat(aide).contains("Vous étiez sur la page « Votre dossier »").contains("id=\"revenir\" href=\"/usager/dossiers/" + id + "\"")
                .contains("Cette page montre votre dossier")
                .contains("Qui instruit votre dossier " + numero + " ?").contains("id=\"coordonnees-service\"")
                .contains("Préfecture du Var")
                .contains(jdbc.sql("select courriel from service_instructeur where code = '83'").query(String.class).single())
                .contains("href=\"/usager/dossiers/" + id + "#messages\"")
                // The FAQ of the procedure of this dossier, and the account's.
                .contains("Quelle préfecture choisir ?").contains("Je n’ai pas reçu le courriel d’activation")
                // The nearest places (Var sample data), and every way out.
                .contains("id=\"lieux-proches\"").contains("Toulon")
                .contains("id=\"compte-verrouille\"").contains("id=\"sans-adresse-electronique\"").contains("id=\"timbre-refuse\"")
                .contains("id=\"paiement-bloque\"").contains("id=\"code-cession-perdu\"")
                .contains("href=\"/mot-de-passe-oublie\"").contains("href=\"/lieux-aide\"");

        // Someone else's dossier number, or no session: nothing of the dossier nor of its service.
        for (Cookie autre : new Cookie[]{ConnexionsHttp.usager(mvc, comptes.usager("83")), null}) {
            String page = page("/besoin-d-aide?depuis=/usager/dossiers/" + id, autre);
            assertThat(page).doesNotContain(numero).doesNotContain("coordonnees-service").contains("Cette page montre votre dossier");
        }
    }

    @Test
    void lesBlocagesDeLaPageViennentDAbord_etUnCheminVenuDAilleursNeDevientPasUnLien() throws Exception {
        String connexion = page("/besoin-d-aide?depuis=/connexion", null);
        assertThat(connexion.indexOf("id=\"compte-verrouille\"")).isLessThan(connexion.indexOf("id=\"timbre-refuse\""));
        assertThat(connexion).contains("Cette page sert à vous connecter");
        for (String depuis : List.of("//exemple.org/x", "https://exemple.org/", "/a?b=c", "/a\\b", "javascript:alert(1)")) {
            String html = page("/besoin-d-aide?depuis=" + java.net.URLEncoder.encode(depuis, java.nio.charset.StandardCharsets.UTF_8), null);
            assertThat(html).as(depuis).doesNotContain("id=\"revenir\"").doesNotContain("exemple.org").contains("À quoi sert cette page ?");
        }
        assertThat(page("/besoin-d-aide?depuis=/une/page/inconnue", null)).contains("Guichet est le guichet en ligne des préfectures");
    }

    private long depose(ComptesDeTest.Compte compte) {
        long id = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, compte.id(), UUID.randomUUID(), "VP");
        return id;
    }
}
