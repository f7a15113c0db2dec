package fr.gouv.guichet.socle.charge;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real PostgreSQL under a real pool and transaction manager, stopped (or its connection ended by the server) while
 * requests go on: the request gets 503 with Retry-After and the French page, not the 500 error page.
 */
class BaseIndisponibleTest {

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private final BaseIndisponible filtre = new BaseIndisponible(Duration.ofSeconds(10));

    @BeforeEach
    void demarrer() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(1500);
        jdbc = JdbcClient.create(pool);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        jdbc.sql("create table depot (id serial primary key, moment timestamptz default now())").update();
    }

    @AfterEach
    void arreter() throws Exception {
        pool.close();
        postgres.close();
    }

    /** What a controller does, behind the DispatcherServlet (which wraps what it does not handle in a ServletException). */
    private final FilterChain deposer = (req, rep) -> {
        try {
            transaction.executeWithoutResult(t -> jdbc.sql("insert into depot default values").update());
            rep.getWriter().write("déposé");
        } catch (RuntimeException e) {
            throw new ServletException("Request processing failed: " + e, e);
        }
    };

    private MockHttpServletResponse servir(FilterChain chaine) throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(new MockHttpServletRequest("POST", "/usager/dossiers/1/valider"), reponse, chaine);
        return reponse;
    }

    private static void assertIndisponible(MockHttpServletResponse reponse) throws Exception {
        assertThat(reponse.getStatus()).isEqualTo(503);
        assertThat(reponse.getHeader("Retry-After")).isEqualTo("10");
        assertThat(reponse.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(reponse.getContentType()).startsWith("text/html");
        assertThat(reponse.getContentAsString())
                .contains("<html lang=\"fr\"", "Service momentanément indisponible",
                        "Rien de ce que vous aviez enregistré n’est perdu", "Réessayez dans 10 secondes")
                .doesNotContain("Exception", "SQL", "PSQL", "jdbc");
    }

    @Test
    void baseArreteeSousLInstanceDonne503AvecRetryAfterEtPageFrancaise() throws Exception {
        assertThat(servir(deposer).getContentAsString()).isEqualTo("déposé");

        postgres.close();

        MockHttpServletResponse reponse = servir(deposer);
        assertIndisponible(reponse);
        assertThat(filtre.refusees()).isEqualTo(1);
    }

    @Test
    void connexionCoupeeParLeServeurPendantLaRequeteDonne503() throws Exception {
        assertThat(servir(deposer).getStatus()).isEqualTo(200);
        // The server ends the pooled connection (as a primary shutting down does: SQLSTATE 57P01) mid-transaction.
        FilterChain coupee = (req, rep) -> {
            try {
                transaction.executeWithoutResult(t -> {
                    jdbc.sql("insert into depot default values").update();
                    try (var autre = postgres.getPostgresDatabase().getConnection();
                         var st = autre.createStatement()) {
                        st.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                                + "where pid <> pg_backend_pid() and backend_type = 'client backend'");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    jdbc.sql("insert into depot default values").update();
                });
            } catch (RuntimeException e) {
                throw new ServletException(e);
            }
        };
        assertIndisponible(servir(coupee));
        // Nothing half-done: the transaction that met the failure left no row; the first deposit is there. The idle
        // pooled connection was ended too, and Hikari skips its liveness check on a connection used < 500 ms ago: the
        // check reads through fresh connections.
        pool.getHikariPoolMXBean().softEvictConnections();
        assertThat(jdbc.sql("select count(*) from depot").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void transactionAnnuleeParUnInterblocageDonne503AvecPageARefaire() throws Exception {
        jdbc.sql("insert into depot default values").update();
        jdbc.sql("insert into depot default values").update();
        java.util.concurrent.CyclicBarrier premiereLigne = new java.util.concurrent.CyclicBarrier(2);
        // Two requests updating the same two rows in opposite orders: PostgreSQL undoes one of them (40P01).
        java.util.function.IntFunction<FilterChain> croisee = premier -> (req, rep) -> {
            try {
                transaction.executeWithoutResult(t -> {
                    jdbc.sql("update depot set moment = now() where id = ?").param(premier).update();
                    try {
                        premiereLigne.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    jdbc.sql("update depot set moment = now() where id = ?").param(3 - premier).update();
                });
                rep.getWriter().write("modifié");
            } catch (RuntimeException e) {
                throw new ServletException(e);
            }
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> servir(croisee.apply(1)));
            var b = pool.submit(() -> servir(croisee.apply(2)));
            List<MockHttpServletResponse> reponses = List.of(a.get(), b.get());
            assertThat(reponses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(200, 503);
            MockHttpServletResponse refusee = reponses.stream().filter(r -> r.getStatus() == 503).findFirst().orElseThrow();
            assertThat(refusee.getHeader("Retry-After")).isEqualTo("2");
            assertThat(refusee.getContentAsString()).contains("<html lang=\"fr\"", "Votre action n’a pas abouti : réessayez",
                    "Rien de ce que vous aviez enregistré n’est perdu").doesNotContain("Exception", "SQL", "deadlock");
        } finally {
            pool.shutdownNow();
        }
        assertThat(filtre.conflits()).isEqualTo(1);
        assertThat(filtre.refusees()).isZero();
    }

    @Test
    void uneAutreErreurResteUneErreurOrdinaire() {
        FilterChain defaut = (req, rep) -> {
            throw new ServletException(new IllegalStateException("défaut du programme"));
        };
        assertThatThrownBy(() -> servir(defaut)).isInstanceOf(ServletException.class);
        FilterChain sqlInvalide = (req, rep) -> jdbc.sql("select * from table_absente").query().listOfRows();
        assertThatThrownBy(() -> servir(sqlInvalide)).isInstanceOf(org.springframework.jdbc.BadSqlGrammarException.class);
        assertThat(filtre.refusees()).isZero();
    }
}
