package fr.gouv.guichet.socle.supervision;

import fr.gouv.guichet.socle.Prechauffage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every {@link Prechauffage} {@code guichet.prechauffage.tours} times at start-up. Application runners run
 * after the web server has started and before Spring Boot publishes the readiness state {@code ACCEPTING_TRAFFIC}:
 * {@code /actuator/health/readiness} answers 503 (no traffic from the load balancer or Kubernetes) until the warm-up
 * is over. A round that fails is logged and the next one is tried; a warm-up never stops the start (the real use
 * would show the same error).
 */
@Component
@ConditionalOnProperty(name = "guichet.prechauffage.actif", havingValue = "true", matchIfMissing = true)
class PrechauffageAuDemarrage implements ApplicationRunner, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PrechauffageAuDemarrage.class);

    private final List<Prechauffage> prechauffages;
    private final int tours;
    private final Map<String, List<Long>> durees = Collections.synchronizedMap(new LinkedHashMap<>());

    private final java.time.Duration attenteCompilation;

    PrechauffageAuDemarrage(List<Prechauffage> prechauffages, @Value("${guichet.prechauffage.tours:3}") int tours,
                            @Value("${guichet.prechauffage.attente-compilation:PT15S}") java.time.Duration attenteCompilation) {
        this.prechauffages = prechauffages;
        this.tours = Math.max(1, tours);
        this.attenteCompilation = attenteCompilation.isNegative() ? java.time.Duration.ZERO : attenteCompilation;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Prechauffage p : prechauffages) {
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < tours; i++) {
                long debut = System.nanoTime();
                try {
                    p.prechauffer();
                    ms.add((System.nanoTime() - debut) / 1_000_000);
                } catch (Exception e) {
                    // A round cut short (a render bounded in time on a loaded machine) still warmed part of the way.
                    LOG.warn("Préchauffage « {} », tour {} interrompu après {} ms : {}", p.nom(), i + 1,
                            (System.nanoTime() - debut) / 1_000_000, e.toString());
                }
            }
            if (!ms.isEmpty()) {
                durees.put(p.nom(), List.copyOf(ms));
            }
            LOG.info("Préchauffage « {} » : {} ms par tour réussi ({} sur {})", p.nom(), ms, ms.size(), tours);
        }
        attendreLeCompilateur();
    }

    /** Lets the JIT compile what the warm-up made hot before the probe says ready ({@link CompilationAuRepos}). */
    private void attendreLeCompilateur() {
        CompilationAuRepos repos = CompilationAuRepos.jvm(attenteCompilation);
        if (repos == null || attenteCompilation.isZero()) {
            return;
        }
        long debut = System.nanoTime();
        try {
            boolean calme = repos.attendre();
            LOG.info("Préchauffage : compilateur {} après {} ms", calme ? "au repos" : "encore occupé (limite atteinte)",
                    (System.nanoTime() - debut) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Durations (ms) of each warm-up's rounds, for those which completed. */
    Map<String, List<Long>> durees() {
        synchronized (durees) {
            return Map.copyOf(durees);
        }
    }

    /** Last of the runners: everything else (demo data, administrator) is in place when pages are warmed. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
