package fr.gouv.guichet.perf;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18: the number of SQL statements each hot page sends to PostgreSQL, counted on the request's own thread (the
 * outbox and scheduled jobs are not counted). A page that gains a statement fails here: lower the figure when a page
 * gets cheaper, never raise it without a measured reason.
 */
@TestGuichet
@Import(RequetesParPageIntegrationTest.Compteur.class)
class RequetesParPageIntegrationTest {

    /** Statements prepared or created on the counting thread, by SQL text. */
    static final ThreadLocal<List<String>> REQUETES = new ThreadLocal<>();
    /**
     * Transactions opened on the counting thread while {@link #REQUETES} counts: each {@code setAutoCommit(false)} (what
     * Spring's transaction manager does to begin one; the driver then sends the {@code BEGIN} seen in pg_stat_statements),
     * by the number of statements counted before it.
     */
    static final ThreadLocal<List<Integer>> TRANSACTIONS = new ThreadLocal<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Compteur {

        @Bean
        static BeanPostProcessor compteurDeRequetes() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String nom) {
                    if (!(bean instanceof DataSource source)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                            (proxy, methode, args) -> {
                                Object resultat = appeler(source, methode, args);
                                return resultat instanceof Connection c ? connexion(c) : resultat;
                            });
                }
            };
        }

        private static Connection connexion(Connection reelle) {
            InvocationHandler h = (proxy, methode, args) -> {
                List<String> requetes = REQUETES.get();
                if (requetes != null && (methode.getName().equals("prepareStatement") || methode.getName().equals("prepareCall"))) {
                    requetes.add(String.valueOf(args[0]).strip().replaceAll("\\s+", " "));
                } else if (requetes != null && methode.getName().equals("createStatement")) {
                    requetes.add("(statement)");
                } else if (methode.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])
                        && requetes != null && TRANSACTIONS.get() != null) {
                    TRANSACTIONS.get().add(requetes.size());
                }
                return appeler(reelle, methode, args);
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, h);
        }

        private static Object appeler(Object cible, java.lang.reflect.Method methode, Object[] args) throws Throwable {
            try {
                return methode.invoke(cible, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

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

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
    }

    /**
     * The statements of one GET, after a first one (caches of the first request are not what a page costs); a
     * failure lists them.
     */
    private List<String> requetes(String url, Cookie session) throws Exception {
        mvc.perform(get(url).cookie(session)).andExpect(status().isOk());
        REQUETES.set(new ArrayList<>());
        try {
            mvc.perform(get(url).cookie(session)).andExpect(status().isOk());
            return List.copyOf(REQUETES.get());
        } finally {
            REQUETES.remove();
        }
    }

    @Test
    void pages_de_l_usager() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        long id = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui"));

        List<String> mesDossiers = requetes("/usager/dossiers", session);
        List<String> dossier = requetes("/usager/dossiers/" + id, session);
        List<String> accueil = requetes("/", session);
        assertThat(mesDossiers).as("GET /usager/dossiers").hasSizeLessThanOrEqualTo(MAX_MES_DOSSIERS);
        assertThat(dossier).as("GET /usager/dossiers/{id}").hasSizeLessThanOrEqualTo(MAX_DOSSIER);
        assertThat(accueil).as("GET / avec une session").hasSizeLessThanOrEqualTo(MAX_ACCUEIL);
        for (List<String> page : List.of(mesDossiers, dossier, accueil)) {
            assertThat(page).as("profil de l'usager pris dans sa session (ADR 0030)")
                    .noneMatch(r -> r.contains("from usager where id"));
        }
        assertThat(accueil).as("session inchangée à moins d'une minute d'intervalle : pas réécrite (ADR 0029)")
                .noneMatch(r -> r.toLowerCase(java.util.Locale.ROOT).contains("update spring_session"));
    }

    @Test
    void file_de_l_agent() throws Exception {
        Cookie session = ConnexionsHttp.agent(mvc, new AgentsDeTest(agentsService).agent("83", RoleAgent.INSTRUCTEUR));
        List<String> file = requetes("/agent/prefectures/83/file", session);
        assertThat(file).as("GET /agent/prefectures/83/file").hasSizeLessThanOrEqualTo(MAX_FILE);
        assertThat(file).as("profil de l'agent pris dans sa session (ADR 0029)")
                .noneMatch(r -> r.contains("from agent where id") || r.contains("from agent_service"));
    }

    /*
     * Measured on 1 December 2026 (before → after the profile read once per request → after Spring Session's second
     * read of the session it has just saved is answered from that session, SessionSansRelecture → after the unchanged
     * session is no longer saved and the agent's profile is taken from their session, ADR 0029): session read, usager
     * profile, the page's own queries.
     */
    static final int MAX_MES_DOSSIERS = 4; // 8 → 7 → 6 → 5 → 4 (profil de l'usager pris dans la session, ADR 0030)
    static final int MAX_DOSSIER = 5; // 11 → 10 → 9 → 8 → 6 (complet_le, jours_suspension lus avec le dossier, ADR 0031) → 5 (ADR 0030)
    static final int MAX_ACCUEIL = 1; // 4 → 3 → 2 → 1 (ADR 0030)
    static final int MAX_FILE = 5; // 11 → 9 → 8 → 5
}
