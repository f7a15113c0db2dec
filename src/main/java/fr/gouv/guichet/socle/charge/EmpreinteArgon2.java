package fr.gouv.guichet.socle.charge;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format, with OWASP's parameters (19 MiB, 2 passes, 1 lane).
 *
 * <p>Hashing is deliberately the most expensive thing Guichet does (about 20 ms of one core each). Two guards keep
 * it from sinking the server at the national peak: the native reference implementation (libargon2, shipped in
 * argon2-jvm) when it loads — three times the throughput of the pure-Java one under concurrency, and no 19 MiB of
 * Java objects per sign-in for the garbage collector — and a bulkhead: at most one hash per core at a time; a hash
 * that cannot start within {@code attenteMax} gives up with {@link ServiceSurcharge} (503, retry later) rather than
 * queueing behind hundreds of others. Hashes made by either implementation are verified by both.
 */
public final class EmpreinteArgon2 implements PasswordEncoder {

    static final int MEMOIRE_KIO = 19 * 1024;
    static final int PASSES = 2;
    static final int VOIES = 1;
    private static final int SEL = 16;
    private static final int EMPREINTE = 32;
    private static final Logger LOG = LoggerFactory.getLogger(EmpreinteArgon2.class);

    private final Argon2Advanced natif;
    private final Argon2PasswordEncoder java = new Argon2PasswordEncoder(SEL, EMPREINTE, VOIES, MEMOIRE_KIO, PASSES);
    private final Semaphore calculs;
    private final long attenteMaxNanos;

    public EmpreinteArgon2(int calculsSimultanes, Duration attenteMax, boolean natifSiPossible) {
        this.natif = natifSiPossible ? chargerNatif() : null;
        this.calculs = new Semaphore(calculsSimultanes, true);
        this.attenteMaxNanos = attenteMax.toNanos();
    }

    public boolean natif() {
        return natif != null;
    }

    @Override
    public String encode(CharSequence motDePasse) {
        return borne(() -> natif != null
                ? natif.hash(PASSES, MEMOIRE_KIO, VOIES, motDePasse.toString().toCharArray())
                : java.encode(motDePasse));
    }

    @Override
    public boolean matches(CharSequence motDePasse, String empreinte) {
        if (empreinte == null || !empreinte.startsWith("$argon2")) {
            return false;
        }
        return borne(() -> natif != null
                ? natif.verify(empreinte, motDePasse.toString().toCharArray())
                : java.matches(motDePasse, empreinte));
    }

    private <T> T borne(java.util.function.Supplier<T> calcul) {
        boolean obtenu;
        try {
            obtenu = calculs.tryAcquire(attenteMaxNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceSurcharge("interrompu en attente d'un calcul d'empreinte");
        }
        if (!obtenu) {
            throw new ServiceSurcharge("trop de connexions simultanées");
        }
        try {
            return calcul.get();
        } finally {
            calculs.release();
        }
    }

    private static Argon2Advanced chargerNatif() {
        try {
            Argon2Advanced a = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, SEL, EMPREINTE);
            String essai = a.hash(1, 8, 1, "essai".toCharArray());
            if (a.verify(essai, "essai".toCharArray())) {
                return a;
            }
            LOG.warn("Argon2 natif incohérent : implémentation Java utilisée");
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("Argon2 natif indisponible ({}) : implémentation Java utilisée", e.toString());
        }
        return null;
    }
}
