package fr.gouv.guichet.socle;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

import java.time.Duration;

/**
 * Ties db-scheduler to the lifecycle of the application context, which its Spring Boot starter does not do (the
 * scheduler is started when the context is ready and stopped only when its bean is destroyed).
 *
 * <p>Without it, a stopped or paused context kept executing tasks while the executor of its outbox listeners
 * ({@code @ApplicationModuleListener}, asynchronous) was already stopped: a task that recorded a step (a title produced,
 * then shipped) committed it, but the e-mail announcing it waited in the stopped executor — until the context was
 * restarted, or until an outbox resubmission by another instance, a minute or more later (ADR 0026). This happened:
 * <ul>
 *   <li>at every graceful shutdown (SIGTERM, rolling update), between the stop of the executors and the destruction of
 *       the scheduler;</li>
 *   <li>in the test suite, for every cached test context that Spring pauses while another one runs (Spring Framework 7,
 *       {@code spring.test.context.cache.pause=ON_CONTEXT_SWITCH} by default): its scheduler took the shared tasks of
 *       the one database, and their e-mails never came.</li>
 * </ul>
 *
 * <p>At a shutdown, the executors stop accepting tasks as soon as the context is closing ({@link ContextClosedEvent}),
 * before any lifecycle stop (the web server then drains its requests for up to 30 s): the scheduler is paused on that
 * event already, first of its listeners, so that no task starts in that window (another instance runs them).
 *
 * <p>Stopped in the first phase (before the executors, {@code Integer.MAX_VALUE / 2}, and the web server): the scheduler
 * takes no new execution and, when the context is paused, the ones running are waited for (at most
 * {@code db-scheduler.shutdown-max-wait}), so that what they recorded is handed to the still running listeners. At a
 * shutdown they are waited for by the scheduler's own stop, as before: the shutdown takes no longer. Started again
 * with the context (a restarted test context, {@code ConfigurableApplicationContext.restart()}).
 */
final class CycleDuPlanificateur implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(CycleDuPlanificateur.class);

    /** Absent when {@code db-scheduler.enabled=false}: nothing to do then. */
    private final ObjectProvider<Scheduler> planificateurs;
    private final Duration attenteMax;
    private volatile boolean actif;
    /** The context is closing: the scheduler's own stop (bean destruction) waits for the running executions. */
    private volatile boolean fermeture;

    CycleDuPlanificateur(ObjectProvider<Scheduler> planificateurs, Duration attenteMax) {
        this.planificateurs = planificateurs;
        this.attenteMax = attenteMax;
    }

    @Override
    public void start() {
        // The first start happens before the starter starts the scheduler (context ready): resuming is then a no-op.
        Scheduler planificateur = planificateur();
        if (planificateur != null) {
            planificateur.resume();
        }
        actif = true;
    }

    @Override
    public void stop() {
        actif = false;
        Scheduler planificateur = planificateur();
        if (planificateur == null) {
            return;
        }
        planificateur.pause();
        if (fermeture) {
            // Not waited for here as well: a shutdown must fit in its grace period (web drain, then the scheduler's stop).
            return;
        }
        long limite = System.nanoTime() + attenteMax.toNanos();
        while (!planificateur.getCurrentlyExecuting().isEmpty()) {
            if (System.nanoTime() > limite) {
                LOG.warn("Planificateur arrêté : {} exécution(s) encore en cours après {} (reprises par une autre instance "
                        + "si celle-ci s'arrête)", planificateur.getCurrentlyExecuting().size(), attenteMax);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Closing: no new execution from now on (the running ones are waited for by the scheduler's own stop). */
    @Override
    public void onApplicationEvent(ContextClosedEvent evenement) {
        fermeture = true;
        Scheduler planificateur = planificateur();
        if (planificateur != null) {
            planificateur.pause();
        }
    }

    /** Before the executors, which stop accepting tasks on the same event. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private @Nullable Scheduler planificateur() {
        return planificateurs.getIfAvailable();
    }

    @Override
    public boolean isRunning() {
        return actif;
    }

    /** Before the executors of the outbox listeners (phase {@code Integer.MAX_VALUE / 2}) and the web server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
