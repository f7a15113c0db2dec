package fr.gouv.guichet.socle.supervision;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0033: the reflective accessors are created, and no method runs. */
class PrechauffageAppelsReflexifsTest {

    static class Compteur {
        final AtomicInteger appels = new AtomicInteger();

        String sansArgument() {
            appels.incrementAndGet();
            return "a";
        }

        public long avecArguments(long a, int b, Object c, String d) {
            appels.incrementAndGet();
            return a + b;
        }

        private void privee() {
            appels.incrementAndGet();
        }

        static void statique() {
            throw new IllegalStateException("jamais appelée");
        }
    }

    @Test
    void aucune_methode_n_est_executee_et_elles_restent_appelables() throws Exception {
        Compteur bean = new Compteur();
        for (Method m : Compteur.class.getDeclaredMethods()) {
            PrechauffageAppelsReflexifs.preparer(bean, m);
        }
        assertThat(bean.appels).hasValue(0);
        Method m = Compteur.class.getDeclaredMethod("avecArguments", long.class, int.class, Object.class, String.class);
        assertThat(m.invoke(bean, 2L, 3, null, "x")).isEqualTo(5L);
        assertThat(bean.appels).hasValue(1);
    }
}
