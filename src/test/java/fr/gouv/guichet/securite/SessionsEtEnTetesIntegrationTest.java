package fr.gouv.guichet.securite;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.socle.securite.EnTetesSecurite;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Agent sign-in throttling, session fixation, session cookie flags and security headers on every kind of answer. */
@TestGuichet
class SessionsEtEnTetesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agentsService;
    @Autowired
    Dossiers dossiers;
    @Value("${local.server.port}")
    int port;

    ComptesDeTest comptes;
    AgentsDeTest agents;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        agents = new AgentsDeTest(agentsService);
    }

    static RequestPostProcessor depuis(String ip) {
        return r -> {
            r.setRemoteAddr(ip);
            return r;
        };
    }

    String pageConnexionAgent(MvcResult echec) throws Exception {
        return mvc.perform(get("/agent/connexion").cookie(echec.getResponse().getCookie("GUICHET_SESSION"))).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void connexionAgent_cinqEchecs_puisRefuseeMemeAvecLeBonMotDePasse() throws Exception {
        AgentsDeTest.Agent agent = agents.agent("29", RoleAgent.INSTRUCTEUR);
        for (int i = 0; i < 5; i++) {
            MvcResult echec = mvc.perform(post("/agent/connexion").with(csrf()).with(depuis("198.18.0." + (10 + i)))
                    .param("email", agent.email()).param("motDePasse", "mauvais " + i)).andReturn();
            assertThat(echec.getResponse().getRedirectedUrl()).isEqualTo("/agent/connexion");
            assertThat(pageConnexionAgent(echec)).contains("est incorrect");
        }
        // Right password, from yet another address, even with the address typed in capitals: still refused.
        for (String email : List.of(agent.email(), agent.email().toUpperCase())) {
            MvcResult freine = mvc.perform(post("/agent/connexion").with(csrf()).with(depuis("198.18.0.99"))
                    .param("email", email).param("motDePasse", AgentsDeTest.MOT_DE_PASSE)).andReturn();
            assertThat(freine.getResponse().getRedirectedUrl()).isEqualTo("/agent/connexion");
            assertThat(pageConnexionAgent(freine)).contains("Trop de tentatives");
            assertThat(mvc.perform(get("/agent/prefectures/29/file").cookie(freine.getResponse().getCookie("GUICHET_SESSION")))
                    .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/agent/connexion");
        }
        // Once the window has passed, the right password works again.
        jdbc.sql("update echec_connexion set moment = moment - interval '16 minutes' where email = ?").param("agent:" + agent.email()).update();
        assertThat(mvc.perform(post("/agent/connexion").with(csrf()).with(depuis("198.18.0.99")).param("email", agent.email())
                .param("motDePasse", AgentsDeTest.MOT_DE_PASSE)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/agent");
    }

    @Test
    void connexionAgent_uneAdresseIpQuiEssaieBeaucoupDeComptes_estFreinee() throws Exception {
        String ip = "198.18.1." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/agent/connexion").with(csrf()).with(depuis(ip)).param("email", "inconnu-" + i + "@interieur.gouv.fr")
                    .param("motDePasse", "mauvais"));
        }
        AgentsDeTest.Agent agent = agents.agent("29", RoleAgent.INSTRUCTEUR);
        MvcResult freine = mvc.perform(post("/agent/connexion").with(csrf()).with(depuis(ip)).param("email", agent.email())
                .param("motDePasse", AgentsDeTest.MOT_DE_PASSE)).andReturn();
        assertThat(pageConnexionAgent(freine)).contains("Trop de tentatives");
        assertThat(mvc.perform(post("/agent/connexion").with(csrf()).with(depuis("198.18.2.1")).param("email", agent.email())
                .param("motDePasse", AgentsDeTest.MOT_DE_PASSE)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/agent");
    }

    /** Sign-in from an existing anonymous session (what a fixation attack plants): the id must change. */
    void fixation(String pageConnexion, Map<String, String> identifiants, String accueil, String pageProtegee) throws Exception {
        MvcResult formulaire = mvc.perform(get(pageConnexion)).andReturn();
        Cookie plantee = formulaire.getResponse().getCookie("GUICHET_SESSION");
        assertThat(plantee).as("la page de connexion ouvre une session (jeton CSRF)").isNotNull();
        var requete = post(pageConnexion).cookie(plantee).with(csrf());
        identifiants.forEach(requete::param);
        MvcResult connexion = mvc.perform(requete).andReturn();
        assertThat(connexion.getResponse().getRedirectedUrl()).isEqualTo(accueil);
        Cookie nouvelle = connexion.getResponse().getCookie("GUICHET_SESSION");
        assertThat(nouvelle).isNotNull();
        assertThat(nouvelle.getValue()).isNotEqualTo(plantee.getValue());
        assertThat(mvc.perform(get(pageProtegee).cookie(plantee)).andReturn().getResponse().getRedirectedUrl())
                .as("l’identifiant planté ne donne pas accès au compte").isEqualTo(pageConnexion);
        assertThat(mvc.perform(get(pageProtegee).cookie(nouvelle)).andReturn().getResponse().getStatus()).isEqualTo(200);
        // Sign-out ends the session on the server: the old cookie no longer opens anything.
        mvc.perform(post(pageConnexion.replace("connexion", "deconnexion")).cookie(nouvelle).with(csrf()));
        assertThat(mvc.perform(get(pageProtegee).cookie(nouvelle)).andReturn().getResponse().getRedirectedUrl()).isEqualTo(pageConnexion);
    }

    @Test
    void fixationDeSession_lIdentifiantChangeALaConnexion_usagerEtAgent() throws Exception {
        ComptesDeTest.Compte usager = comptes.usager("83");
        fixation("/connexion", Map.of("email", usager.email(), "motDePasse", ComptesDeTest.MOT_DE_PASSE), "/usager", "/usager/dossiers");
        AgentsDeTest.Agent agent = agents.agent("83", RoleAgent.INSTRUCTEUR);
        fixation("/agent/connexion", Map.of("email", agent.email(), "motDePasse", AgentsDeTest.MOT_DE_PASSE), "/agent",
                "/agent/prefectures/83/file");
    }

    String setCookie(MvcResult r) {
        return r.getResponse().getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("GUICHET_SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("pas de cookie de session : " + r.getResponse().getHeaders("Set-Cookie")));
    }

    @Test
    void cookieDeSession_httpOnly_sameSiteLax_secureEnHttps() throws Exception {
        ComptesDeTest.Compte usager = comptes.usager("83");
        for (boolean https : List.of(false, true)) {
            MvcResult r = mvc.perform(post("/connexion").secure(https).with(csrf()).param("email", usager.email())
                    .param("motDePasse", ComptesDeTest.MOT_DE_PASSE)).andReturn();
            String cookie = setCookie(r);
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
            assertThat(cookie.contains("Secure")).as("Secure en HTTPS seulement : " + cookie).isEqualTo(https);
            assertThat(cookie).doesNotContain("Expires").doesNotContain("Max-Age").as("cookie de session, pas persistant");
        }
        AgentsDeTest.Agent agent = agents.agent("83", RoleAgent.INSTRUCTEUR);
        String cookieAgent = setCookie(mvc.perform(post("/agent/connexion").secure(true).with(csrf()).param("email", agent.email())
                .param("motDePasse", AgentsDeTest.MOT_DE_PASSE)).andReturn());
        assertThat(cookieAgent).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
    }

    static void enTetes(String quoi, java.util.function.Function<String, String> entete, boolean https) {
        String csp = entete.apply("Content-Security-Policy");
        // form-action: 'self' and the identity providers' origins (sign-out form redirected to /session/end), nothing else.
        assertThat(csp.replaceAll("form-action [^;]*", "form-action 'self'")).as(quoi + " : CSP").isEqualTo(EnTetesSecurite.CSP);
        assertThat(csp).as(quoi).containsPattern("form-action 'self'( https?://[a-z0-9.-]+(:\\d+)?)*;");
        String scriptSrc = Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith("script-src")).findFirst().orElseThrow();
        assertThat(scriptSrc).as(quoi).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*")
                .doesNotContain("data:");
        assertThat(csp).as(quoi).contains("frame-ancestors 'none'").contains("object-src 'none'").contains("base-uri 'self'");
        assertThat(entete.apply("X-Content-Type-Options")).as(quoi).isEqualTo("nosniff");
        assertThat(entete.apply("X-Frame-Options")).as(quoi).isEqualTo("DENY");
        assertThat(entete.apply("Referrer-Policy")).as(quoi).isEqualTo("strict-origin-when-cross-origin");
        String hsts = entete.apply("Strict-Transport-Security");
        if (https) {
            assertThat(hsts).as(quoi + " : HSTS en HTTPS").isNotNull().contains("max-age=31536000").contains("includeSubDomains");
        } else {
            assertThat(hsts).as(quoi + " : pas de HSTS en HTTP").isNull();
        }
    }

    @Test
    void enTetesDeSecurite_surChaqueSorteDeReponse_HstsEnHttpsSeulement() throws Exception {
        ComptesDeTest.Compte usager = comptes.usager("83");
        Cookie session = Terrain.usager(mvc, usager);
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(), null, null);
        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf()).param("cle", UUID.randomUUID().toString())
                .param("certification", "oui"));
        AgentsDeTest.Agent agent = agents.agent("83", RoleAgent.INSTRUCTEUR);
        Cookie sessionAgent = Terrain.agent(mvc, agent);
        Map<String, Cookie> urls = new LinkedHashMap<>();
        urls.put("/", null);
        urls.put("/connexion", null);
        urls.put("/usager/dossiers/" + id, session);
        urls.put("/usager/dossiers/" + id + "/recepisse.pdf", session);
        urls.put("/usager/dossiers/999999999", session);
        urls.put("/usager/dossiers", null);
        urls.put("/agent/connexion", null);
        urls.put("/agent/prefectures/83/file", sessionAgent);
        urls.put("/agent/prefectures/83/file.csv", sessionAgent);
        urls.put("/agent/prefectures/75/file", sessionAgent);
        urls.put("/agent/dossiers/" + id, session);
        urls.put("/css/guichet.css", null);
        urls.put("/js/formulaire.js", null);
        urls.put("/actuator/health", null);
        urls.put("/nulle-part", null);
        for (boolean https : List.of(false, true)) {
            for (var e : urls.entrySet()) {
                var requete = get(e.getKey()).secure(https);
                if (e.getValue() != null) {
                    requete.cookie(e.getValue());
                }
                MvcResult r = mvc.perform(requete).andReturn();
                enTetes((https ? "https " : "http ") + e.getKey() + " (" + r.getResponse().getStatus() + ")", r.getResponse()::getHeader, https);
            }
        }
        // POST answers and CSRF refusals too.
        MvcResult refus = mvc.perform(post("/usager/dossiers/" + id + "/messages").cookie(session).param("message", "x")).andReturn();
        assertThat(refus.getResponse().getStatus()).isEqualTo(403);
        enTetes("refus CSRF", refus.getResponse()::getHeader, false);

        // Through the real container: error pages rendered on the error dispatch, static files, downloads.
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String url : List.of("/", "/nulle-part", "/css/guichet.css", "/js/sauvegarde.js", "/dsfr/dsfr.min.css", "/usager",
                "/agent/dossiers/1", "/error", "/verifier/%3Cscript%3E")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders h = r.headers();
            enTetes("HTTP réel " + url + " (" + r.statusCode() + ")", n -> h.firstValue(n).orElse(null), false);
            if (!url.equals("/error")) {
                assertThat(r.statusCode()).as(url).isLessThan(500);
            }
        }
    }
}
