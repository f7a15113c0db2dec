package fr.gouv.guichet.socle.charge;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Agents first on the processor (ADR 0034). The test JVMs run with {@code -XX:ThreadPriorityPolicy=1
 * -XX:JavaPriority1_To_OSPriority=19} (pom.xml, like {@code spring-boot:run} and bench/run.sh) and as a user allowed to
 * raise a priority back (root on the CI machine): the nice values read from {@code /proc} must change.
 */
class PrioriteProcesseurTest {

    private static int nice() {
        OptionalInt n = PrioriteProcesseur.niceDuFilCourant();
        assertThat(n).as("nice du fil courant lisible dans /proc").isPresent();
        return n.getAsInt();
    }

    /** Runs in a fresh platform thread (normal priority, nice 0), as a Tomcat worker. */
    private static void dansUnFil(Runnable r) throws Exception {
        AtomicReference<Throwable> erreur = new AtomicReference<>();
        Thread t = Thread.ofPlatform().unstarted(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                erreur.set(e);
            }
        });
        t.start();
        t.join();
        if (erreur.get() instanceof Exception e) {
            throw e;
        }
        if (erreur.get() instanceof Error e) {
            throw e;
        }
    }

    @Test
    void leLevierEstActifDansCetteJvmEtAbaisseSeulementLeTravailDesUsagers() throws Exception {
        PrioriteProcesseur priorite = new PrioriteProcesseur(Thread.MIN_PRIORITY, true);
        assertThat(priorite.active()).as("JVM de test lancée avec -XX:ThreadPriorityPolicy=1 (pom.xml)").isTrue();
        dansUnFil(() -> {
            int avant = nice();
            AtomicInteger pendant = new AtomicInteger(Integer.MIN_VALUE);
            try {
                priorite.enPrioriteUsager(() -> pendant.set(nice()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(avant).isZero();
            assertThat(pendant.get()).isEqualTo(19);
            assertThat(nice()).as("priorité rendue après la requête").isZero();
        });
    }

    @Test
    void laPrioriteEstRendueMemeSiLaRequeteEchoue() throws Exception {
        PrioriteProcesseur priorite = new PrioriteProcesseur(Thread.MIN_PRIORITY, true);
        dansUnFil(() -> {
            assertThatThrownBy(() -> priorite.enPrioriteUsager(() -> {
                throw new java.io.IOException("client parti");
            })).isInstanceOf(java.io.IOException.class);
            assertThat(Thread.currentThread().getPriority()).isEqualTo(Thread.NORM_PRIORITY);
            assertThat(nice()).isZero();
        });
    }

    @Test
    void prioriteNormaleDemandee_leLevierEstEteint() throws Exception {
        PrioriteProcesseur priorite = new PrioriteProcesseur(Thread.NORM_PRIORITY, true);
        assertThat(priorite.active()).isFalse();
        dansUnFil(() -> {
            AtomicInteger pendant = new AtomicInteger(Integer.MIN_VALUE);
            try {
                priorite.enPrioriteUsager(() -> pendant.set(nice()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(pendant.get()).isZero();
        });
    }

    @Test
    void leFiltreDonneLaPrioriteNormaleAuxAgentsEtAbaisseLesUsagers() throws Exception {
        DelestageCharge filtre = new DelestageCharge(4, Duration.ofMillis(200), Duration.ofSeconds(5), "GUICHET_SESSION");
        filtre.prioriteUsagers(new PrioriteProcesseur(Thread.MIN_PRIORITY, true));
        dansUnFil(() -> {
            try {
                assertThat(niceDansLaChaine(filtre, "/agent/prefectures/83/file")).isZero();
                assertThat(niceDansLaChaine(filtre, "/usager/dossiers")).isEqualTo(19);
                assertThat(niceDansLaChaine(filtre, "/")).isEqualTo(19);
                assertThat(niceDansLaChaine(filtre, "/agent")).isZero();
                assertThat(niceDansLaChaine(filtre, "/agentx")).as("pas le back-office").isEqualTo(19);
                assertThat(nice()).isZero();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static int niceDansLaChaine(DelestageCharge filtre, String chemin) throws Exception {
        MockHttpServletRequest requete = new MockHttpServletRequest("GET", chemin);
        requete.setCookies(new Cookie("GUICHET_SESSION", "abc"));
        AtomicInteger vu = new AtomicInteger(Integer.MIN_VALUE);
        filtre.doFilter(requete, new MockHttpServletResponse(), (req, rep) -> vu.set(nice()));
        return vu.get();
    }
}
