package fr.gouv.guichet.socle.supervision;

import org.jspecify.annotations.Nullable;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits, at the end of the start-up warm-up, until the JIT compilers have caught up with what the warm-up taught them
 * (issue 18, point 5): on a machine of two cores, the optimising compiler was still compiling the warm-up's hot code
 * when the readiness probe said ready, and the first usagers' requests shared the processor with it (first récépissé,
 * first deposit 2 to 4 times slower than the tenth on the bench, while the same gestures held on an idle restart).
 * Quiet = the JVM's total compilation time grew by less than {@code seuil} during {@code calme}; bounded by
 * {@code limite}, never longer (a start is never held hostage by a busy compiler).
 */
final class CompilationAuRepos {

    private final LongSupplier tempsCompilationMs;
    private final Duration calme;
    private final long seuilMs;
    private final Duration limite;

    CompilationAuRepos(LongSupplier tempsCompilationMs, Duration calme, long seuilMs, Duration limite) {
        this.tempsCompilationMs = tempsCompilationMs;
        this.calme = calme;
        this.seuilMs = seuilMs;
        this.limite = limite;
    }

    /** The JVM's own counter, or null when this JVM does not report compilation time. */
    static @Nullable CompilationAuRepos jvm(Duration limite) {
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        if (compilation == null || !compilation.isCompilationTimeMonitoringSupported()) {
            return null;
        }
        return new CompilationAuRepos(compilation::getTotalCompilationTime, Duration.ofMillis(500), 20, limite);
    }

    /**
     * Returns once compilation is quiet or the limit is reached.
     *
     * @return whether compilation became quiet within the limit
     */
    boolean attendre() throws InterruptedException {
        long fin = System.nanoTime() + limite.toNanos();
        long avant = tempsCompilationMs.getAsLong();
        while (System.nanoTime() < fin) {
            Thread.sleep(calme.toMillis());
            long apres = tempsCompilationMs.getAsLong();
            if (apres - avant < seuilMs) {
                return true;
            }
            avant = apres;
        }
        return false;
    }
}
