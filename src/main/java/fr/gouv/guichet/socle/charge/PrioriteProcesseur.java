package fr.gouv.guichet.socle.charge;

import jakarta.servlet.ServletException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Agents first on the processor (issue 18, target 3, ADR 0034): while a request of the usagers' side is worked on, its
 * thread runs at a lower operating-system priority ({@code nice}) than the back-office's, so that when the machine is
 * saturated by a peak of deposits, an agent's request is given the processor first instead of sharing it evenly with
 * every usager's request. Nothing is taken from the usagers when the agents are idle: the scheduler only orders
 * runnable threads.
 *
 * <p>The JVM maps {@link Thread#setPriority} to {@code nice} only when started with
 * {@code -XX:ThreadPriorityPolicy=1} (and {@code -XX:JavaPriority1_To_OSPriority=N} for how low), and giving a thread
 * its normal priority back needs the right to raise a priority ({@code CAP_SYS_NICE}, or root). This is checked once,
 * at start-up, on a thread of its own: lowered, read back from {@code /proc/thread-self/stat}, raised, read back. If
 * any step does not take effect the lever is off (every request keeps the normal priority, as without this class) and
 * the start-up log says why — a thread lowered for good would serve agents too, the opposite of the intent.
 */
final class PrioriteProcesseur {

    private static final Logger LOG = LoggerFactory.getLogger(PrioriteProcesseur.class);
    private static final Path FIL_COURANT = Path.of("/proc/thread-self/stat");

    private final int prioriteUsagers;
    private final boolean active;

    /**
     * @param prioriteUsagers Java priority of the usagers' requests, {@link Thread#MIN_PRIORITY} to
     *                        {@link Thread#NORM_PRIORITY}; {@code NORM_PRIORITY} turns the lever off
     * @param verifier        whether to check that priorities really change (false: trust the caller, unit tests)
     */
    PrioriteProcesseur(int prioriteUsagers, boolean verifier) {
        this.prioriteUsagers = Math.clamp(prioriteUsagers, Thread.MIN_PRIORITY, Thread.NORM_PRIORITY);
        this.active = this.prioriteUsagers < Thread.NORM_PRIORITY && (!verifier || verifier(this.prioriteUsagers));
    }

    boolean active() {
        return active;
    }

    /** Runs {@code travail} at the usagers' priority on this thread, then gives the thread its priority back. */
    void enPrioriteUsager(Travail travail) throws ServletException, IOException {
        if (!active) {
            travail.faire();
            return;
        }
        Thread fil = Thread.currentThread();
        int avant = fil.getPriority();
        fil.setPriority(prioriteUsagers);
        try {
            travail.faire();
        } finally {
            fil.setPriority(avant);
        }
    }

    /** A request's work, as the filter chain does it. */
    @FunctionalInterface
    interface Travail {
        void faire() throws ServletException, IOException;
    }

    /** The nice value of the calling thread (Linux), if it can be read. */
    static OptionalInt niceDuFilCourant() {
        try {
            String stat = Files.readString(FIL_COURANT);
            // Fields after "(comm)": state is field 3; nice is field 19, i.e. index 16 after the closing parenthesis.
            String[] champs = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(champs[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static boolean verifier(int priorite) {
        AtomicReference<String> refus = new AtomicReference<>();
        Thread essai = Thread.ofPlatform().name("guichet-essai-priorite").unstarted(() -> {
            Thread fil = Thread.currentThread();
            OptionalInt normal = niceDuFilCourant();
            fil.setPriority(priorite);
            OptionalInt bas = niceDuFilCourant();
            fil.setPriority(Thread.NORM_PRIORITY);
            OptionalInt rendu = niceDuFilCourant();
            if (normal.isEmpty() || bas.isEmpty() || rendu.isEmpty()) {
                refus.set("priorité des fils illisible (/proc/thread-self/stat)");
            } else if (bas.getAsInt() <= normal.getAsInt()) {
                refus.set("la JVM ne traduit pas les priorités Java (lancer avec -XX:ThreadPriorityPolicy=1 "
                        + "-XX:JavaPriority1_To_OSPriority=19)");
            } else if (rendu.getAsInt() != normal.getAsInt()) {
                refus.set("un fil abaissé ne peut pas retrouver sa priorité (droit CAP_SYS_NICE absent)");
            }
        });
        essai.start();
        try {
            essai.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refus.compareAndSet(null, "vérification interrompue");
        }
        if (refus.get() != null) {
            LOG.info("Priorité des agents sur le processeur inactive : {}", refus.get());
            return false;
        }
        LOG.info("Priorité des agents sur le processeur active : requêtes des usagers en priorité Java {}", priorite);
        return true;
    }
}
