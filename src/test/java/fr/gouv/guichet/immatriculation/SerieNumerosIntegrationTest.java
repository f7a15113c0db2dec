package fr.gouv.guichet.immatriculation;

import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 6: numbers of the national series handed out concurrently are all distinct, and a number taken by a
 * transaction that died (rolled back, as after a crash) is never handed out again.
 */
@TestGuichet
class SerieNumerosIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    fr.gouv.guichet.immatriculation.internal.AttributionNumeros attribution;

    @Test
    void enParallele_chaqueNumeroUneSeuleFois_etUnNumeroPerduNEstJamaisRedonne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<String>> futurs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Callable<String> tache = () -> {
                depart.await();
                return transactions.execute(s -> attribution.attribuer().valeur());
            };
            futurs.add(pool.submit(tache));
        }
        depart.countDown();
        Set<String> numeros = new HashSet<>();
        for (Future<String> f : futurs) {
            String n = f.get();
            assertThat(new NumeroImmatriculation(n).valeur()).isEqualTo(n);
            assertThat(numeros.add(n)).as("numéro donné deux fois : " + n).isTrue();
        }
        pool.shutdown();

        // A transaction takes a number then dies: that number is lost, never given to the next one.
        String[] perdu = new String[1];
        try {
            transactions.executeWithoutResult(s -> {
                perdu[0] = attribution.attribuer().valeur();
                throw new IllegalStateException("plantage simulé");
            });
        } catch (IllegalStateException attendu) {
            // the rollback of a crash
        }
        String suivant = transactions.execute(s -> attribution.attribuer().valeur());
        assertThat(suivant).isNotEqualTo(perdu[0]);
        assertThat(new NumeroImmatriculation(suivant).rang()).isGreaterThan(new NumeroImmatriculation(perdu[0]).rang());
        assertThat(numeros).doesNotContain(perdu[0], suivant);
    }
}
