package fr.gouv.guichet.socle.supervision;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The end of the warm-up waits for a quiet JIT, never longer than its limit. */
class CompilationAuReposTest {

    @Test
    void rendLaMainQuandLeTempsDeCompilationNeBougePlus() throws Exception {
        AtomicLong lectures = new AtomicLong();
        // Compiles 50 ms between each of the first three readings, then nothing more.
        CompilationAuRepos repos = new CompilationAuRepos(() -> Math.min(lectures.getAndIncrement(), 3) * 50,
                Duration.ofMillis(5), 20, Duration.ofSeconds(10));
        assertThat(repos.attendre()).isTrue();
        assertThat(lectures.get()).as("lu jusqu’au repos, puis une fois encore").isEqualTo(5);
    }

    @Test
    void unCompilateurToujoursOccupeNeRetientPasLeDemarrageAuDelaDeLaLimite() throws Exception {
        AtomicLong temps = new AtomicLong();
        CompilationAuRepos repos = new CompilationAuRepos(() -> temps.addAndGet(100), Duration.ofMillis(10), 20,
                Duration.ofMillis(200));
        long debut = System.nanoTime();
        assertThat(repos.attendre()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - debut)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void laJvmDeLaSuiteDonneSonTempsDeCompilation() {
        assertThat(CompilationAuRepos.jvm(Duration.ofSeconds(1))).isNotNull();
    }
}
