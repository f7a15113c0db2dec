package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** SQL injection strings in searches, filters, references and sign-ins: normal answers, no leak, nothing written. */
@TestGuichet
class InjectionsSqlIntegrationTest {

    static final List<String> INJECTIONS_SQL = List.of("' OR '1'='1", "' OR 1=1 --", "'; drop table dossier; --",
            "%' union select email, mot_de_passe, null from usager --", "1' and pg_sleep(3) is null --", "\\", "%", "_",
            "83' --", "\u0000", "'||(select string_agg(email, ',') from usager)||'", "2026-01-01' or '1'='1");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Agents agentsService;

    ComptesDeTest comptes;
    AgentsDeTest agents;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        agents = new AgentsDeTest(agentsService);
    }

    String page(Cookie session, String url) throws Exception {
        MvcResult r = mvc.perform(get(url).cookie(session)).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private static List<String> numeros(String html) {
        Matcher m = Pattern.compile("(VP-[0-9AB]{3}-\\d{4}-\\d{6}-[A-Z])").matcher(html);
        List<String> numeros = new ArrayList<>();
        while (m.find()) {
            numeros.add(m.group(1));
        }
        return numeros;
    }

    @Test
    void injectionSql_recherchesFiltresReferencesEtConnexion_reponsesNormales() throws Exception {
        ComptesDeTest.Compte usager = comptes.usager("2B");
        Map<String, Object> reponses = DossiersDeTest.reponsesValides();
        reponses.put("systeme_code_postal", "20200");
        reponses.put("systeme_commune", "Bastia");
        long id = dossiers.creerBrouillon(usager.id(), "2B", "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);
        String numero = dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP").valeur();
        Cookie agent = Terrain.agent(mvc, agents.agent("2B", RoleAgent.INSTRUCTEUR));
        Cookie session = Terrain.usager(mvc, usager);
        int dossiersAvant = jdbc.sql("select count(*) from dossier").query(Integer.class).single();
        int usagersAvant = jdbc.sql("select count(*) from usager").query(Integer.class).single();
        List<String> echecs = new ArrayList<>();

        for (String injection : INJECTIONS_SQL) {
            for (String parametre : List.of("q", "commune", "du", "au", "demarche", "priorite", "onglet", "apres")) {
                for (String url : List.of("/agent/prefectures/2B/file", "/agent/prefectures/2B/file.csv")) {
                    Instant debut = Instant.now();
                    MvcResult r = mvc.perform(get(url).param(parametre, injection).cookie(agent)).andReturn();
                    String corps = r.getResponse().getContentAsString();
                    int attendu = injection.indexOf('\u0000') >= 0 ? 400 : 200;
                    if (r.getResponse().getStatus() != attendu || Duration.between(debut, Instant.now()).toMillis() > 2500) {
                        echecs.add(url + "?" + parametre + "=" + injection + " -> " + r.getResponse().getStatus());
                    }
                    // Only the Corsican préfecture's dossiers, never anyone else's, never an account.
                    if (numeros(corps).stream().anyMatch(n -> !n.startsWith("VP-02B")) || corps.contains("$argon2")
                            || corps.contains("@exemple.fr")) {
                        echecs.add(url + "?" + parametre + "=" + injection + " : fuite");
                    }
                    if (parametre.equals("q") && !injection.equals("%") && !injection.equals("_") && numeros(corps).contains(numero)) {
                        echecs.add(url + "?q=" + injection + " : la recherche ne doit rien trouver");
                    }
                }
            }
            for (var requete : List.of(
                    get("/agent/prefectures/{code}/file", injection).cookie(agent),
                    get("/agent/prefectures/{code}/registre", injection).cookie(agent),
                    get("/prefectures/{code}/autorisations", injection),
                    get("/verifier/{code}", injection),
                    post("/usager/videoprotection/reference").cookie(session).with(csrf()).param("numero", injection)
                            .param("dateArrete", injection).param("demarche", injection),
                    post("/usager/dossiers/{id}/messages", id).cookie(session).with(csrf()).param("message", injection),
                    post("/usager/dossiers/{id}/pages/1/auto", id).cookie(session).with(csrf()).param("denomination", injection),
                    post("/connexion").with(csrf()).with(InjectionsIntegrationTest.ip()).param("email", injection).param("motDePasse", injection),
                    post("/connexion").with(csrf()).with(InjectionsIntegrationTest.ip()).param("email", injection + "@exemple.fr").param("motDePasse", injection),
                    post("/agent/connexion").with(csrf()).with(InjectionsIntegrationTest.ip()).param("email", injection).param("motDePasse", injection),
                    post("/mot-de-passe-oublie").with(csrf()).param("email", injection + "@exemple.fr"),
                    post("/activation/renvoyer").with(csrf()).param("email", injection + "@exemple.fr"),
                    post("/inscription").with(csrf()).param("email", injection).param("motDePasse", injection).param("confirmation", injection))) {
                MvcResult r = mvc.perform(requete).andReturn();
                int statut = r.getResponse().getStatus();
                String corps = r.getResponse().getContentAsString();
                if (statut >= 500 || corps.contains("$argon2") || corps.contains("SQL") || corps.contains("PSQLException")) {
                    echecs.add(r.getRequest().getMethod() + " " + r.getRequest().getRequestURI() + " [" + injection + "] -> " + statut);
                }
                if (r.getResponse().getRedirectedUrl() != null && r.getResponse().getRedirectedUrl().startsWith("/usager")
                        && r.getRequest().getRequestURI().equals("/connexion")) {
                    echecs.add("connexion acceptée avec " + injection);
                }
            }
        }
        assertThat(echecs).isEmpty();
        assertThat(jdbc.sql("select count(*) from dossier").query(Integer.class).single()).isEqualTo(dossiersAvant);
        assertThat(jdbc.sql("select count(*) from usager").query(Integer.class).single()).isEqualTo(usagersAvant);
        // And the search still works for real input.
        assertThat(numeros(page(agent, "/agent/prefectures/2B/file?q=" + numero))).contains(numero);
        assertThat(numeros(page(agent, "/agent/prefectures/2B/file?commune=Bastia"))).contains(numero);
    }
}
