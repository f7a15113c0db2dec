package fr.gouv.guichet.agent;

import fr.gouv.fauxidp.Personas;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.NavigationOidc;
import fr.gouv.guichet.support.NavigationOidc.Page;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ProConnect sign-in of agents against the demonstration provider: no acr_values, amr asked as essential and shown
 * to the préfecture's administrator, reconciliation on the professional e-mail, unknown agents refused.
 */
@TestGuichet
class ProConnectIntegrationTest {

    static final String BOUTON = "/agent/oauth2/authorization/proconnect";

    @LocalServerPort
    int port;
    @Value("${spring.security.oauth2.client.provider.proconnect.issuer-uri}")
    String issuer;
    @Autowired
    Agents agents;
    @Autowired
    JdbcClient jdbc;

    static String persona(String email, List<String> amr) {
        String cle = "agent-test-" + UUID.randomUUID();
        Personas.ajouter(Personas.agent(cle, "Agent de test", email, amr));
        return cle;
    }

    @Test
    void leBoutonEnvoieAProConnectSeulementSesParametresEtDemandeLAmr() {
        var reponse = new NavigationOidc(port).requete(BOUTON);
        assertThat(reponse.statusCode()).isEqualTo(302);
        URI demande = URI.create(reponse.headers().firstValue("Location").orElseThrow());
        assertThat(demande.toString()).startsWith(issuer + "/authorize?");
        Map<String, String> p = NavigationOidc.parametres(demande);
        assertThat(p).doesNotContainKey("acr_values");
        assertThat(Set.of("response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "claims", "prompt",
                "idp_hint")).containsAll(p.keySet());
        assertThat(p.get("claims")).isEqualTo("{\"id_token\":{\"amr\":{\"essential\":true}}}");
        assertThat(p.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(p.get("nonce")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(p.get("redirect_uri")).isEqualTo("http://localhost:" + port + "/agent/connexion/oidc/proconnect");
    }

    @Test
    void unAgentConnuEntreParSonAdresseProfessionnelleEtSonAdministrateurVoitLesMethodes() {
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("83", RoleAgent.ADMINISTRATEUR);
        String cle = persona(agent.email().toUpperCase(), List.of("pwd", "mfa"));
        NavigationOidc navigateur = new NavigationOidc(port);
        Page accueil = navigateur.connexion(BOUTON, cle);
        assertThat(accueil.adresse().getPath()).startsWith("/agent");
        assertThat(accueil.adresse().getPath()).isNotEqualTo("/agent/connexion");
        Page membres = navigateur.ouvrir("/agent/prefectures/83/agents");
        assertThat(membres.statut()).isEqualTo(200);
        assertThat(membres.contenu()).contains("Dernière connexion ProConnect : le ", "(méthodes pwd, mfa)");

        navigateur.oublierEtapes();
        Page apres = navigateur.soumettre("/agent/deconnexion", membres, Map.of());
        URI finDeSession = navigateur.etapes().stream().filter(u -> u.getPath().endsWith("/session/end")).findFirst().orElseThrow();
        assertThat(finDeSession.toString()).startsWith(issuer + "/session/end?");
        assertThat(NavigationOidc.parametres(finDeSession).get("post_logout_redirect_uri"))
                .isEqualTo("http://localhost:" + port + "/agent/deconnexion/fin");
        assertThat(apres.adresse().getPath()).isEqualTo("/agent/connexion");
        assertThat(apres.contenu()).contains("Vous êtes déconnecté de Guichet et de ProConnect");
    }

    @Test
    void uneAdresseInconnueOuDUnAgentDesactiveEstRefuseeSansCreerDeCompte() {
        String email = "inconnu-" + UUID.randomUUID().toString().substring(0, 8) + "@ministere.gouv.fr";
        NavigationOidc navigateur = new NavigationOidc(port);
        Page refus = navigateur.connexion(BOUTON, persona(email, List.of("pwd")));
        assertThat(refus.adresse().getPath()).isEqualTo("/agent/connexion");
        assertThat(refus.contenu()).contains("Connexion avec ProConnect refusée", "n’est celle d’aucun agent en activité");
        assertThat(navigateur.etapes()).as("la session ProConnect est fermée, pour pouvoir choisir un autre compte")
                .anyMatch(u -> u.getPath().endsWith("/proconnect/api/v2/session/end"));
        assertThat(navigateur.ouvrir(BOUTON).contenu()).contains("Choisissez l’identité avec laquelle vous connecter");
        assertThat(navigateur.ouvrir("/agent").adresse().getPath()).isEqualTo("/agent/connexion");
        assertThat(navigateur.ouvrir("/usager").adresse().getPath()).isEqualTo("/connexion");
        assertThat(jdbc.sql("select count(*) from usager where lower(email) = lower(?)").param(email).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from agent where lower(email) = lower(?)").param(email).query(Integer.class).single()).isZero();

        AgentsDeTest.Agent desactive = new AgentsDeTest(agents).agent("13", RoleAgent.INSTRUCTEUR);
        jdbc.sql("update agent set actif = false where id = ?").param(desactive.id()).update();
        Page refusDesactive = new NavigationOidc(port).connexion(BOUTON, persona(desactive.email(), List.of("pwd")));
        assertThat(refusDesactive.adresse().getPath()).isEqualTo("/agent/connexion");
        assertThat(refusDesactive.contenu()).contains("Connexion avec ProConnect refusée");
    }

    @Test
    void laConnexionParMotDePasseResteDisponible() {
        Page connexion = new NavigationOidc(port).ouvrir("/agent/connexion");
        assertThat(connexion.contenu()).contains("S’identifier avec", "ProConnect", "Qu’est-ce que ProConnect ?",
                "name=\"motDePasse\"", "fr-hr-or");
        assertThat(connexion.contenu().indexOf("fr-connect")).isLessThan(connexion.contenu().indexOf("name=\"motDePasse\""));
    }
}
