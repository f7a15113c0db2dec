package fr.gouv.guichet.socle.charge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Spring Session reads the session a second time at the end of every request, just after saving it
 * ({@code SessionRepositoryFilter.commitSession} clears its cache, saves, then asks whether the requested id is
 * valid): one more statement on every authenticated page (issue 18). The repository is proxied so that this look-up,
 * on the same thread and for the session just saved, answers with the saved session itself; any other look-up goes to
 * the database. The remembered session never outlives its request: {@link Oubli}, first of the filters, forgets it.
 * <p>
 * The save itself is skipped when nothing but the last access time changed and that time is less than
 * {@link #ECART_ECRITURE} newer than the one read (the conditional update of {@code ConfigurationCharge} then changed
 * nothing, but it still cost a transaction and a statement on every page, issue 18).
 */
final class SessionSansRelecture {

    /** Same spacing as the conditional update of {@code ConfigurationCharge.ecritureSessionEspacee}. */
    static final java.time.Duration ECART_ECRITURE = java.time.Duration.ofMinutes(1);

    private static final ThreadLocal<Session> SAUVEGARDEE = new ThreadLocal<>();
    /** The session read on this thread, with what its row held then. */
    private static final ThreadLocal<Lue> LUE = new ThreadLocal<>();

    private record Lue(Session session, String id, java.time.Instant dernierAcces, java.time.Duration inactiviteMax) {

        /** Whether saving would write nothing the database does not already hold (within the spacing). */
        boolean inchangee(Session aSauver) {
            return aSauver == session && aSauver.getId().equals(id) && aSauver.getMaxInactiveInterval().equals(inactiviteMax)
                    && java.time.Duration.between(dernierAcces, aSauver.getLastAccessedTime()).compareTo(ECART_ECRITURE) < 0
                    && EtatJdbc.sansModification(aSauver);
        }
    }

    /** Spring Session's own change flags of a JDBC session (package-private methods, read by reflection). */
    private static final class EtatJdbc {

        private static final java.lang.reflect.Method NOUVELLE;
        private static final java.lang.reflect.Method DELTA;

        static {
            java.lang.reflect.Method nouvelle = null;
            java.lang.reflect.Method delta = null;
            try {
                Class<?> classe = Class.forName(JdbcIndexedSessionRepository.class.getName() + "$JdbcSession");
                nouvelle = classe.getDeclaredMethod("isNew");
                delta = classe.getDeclaredMethod("getDelta");
                nouvelle.setAccessible(true);
                delta.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Another version of Spring Session: every session is saved, as without this class.
                nouvelle = null;
                delta = null;
            }
            NOUVELLE = nouvelle;
            DELTA = delta;
        }

        static boolean sansModification(Session session) {
            if (NOUVELLE == null || !NOUVELLE.getDeclaringClass().isInstance(session)) {
                return false;
            }
            try {
                return !(Boolean) NOUVELLE.invoke(session) && ((java.util.Map<?, ?>) DELTA.invoke(session)).isEmpty();
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
    }

    private SessionSansRelecture() {
    }

    /** Proxies the JDBC session repository (same class, so every injection point still receives it). */
    static BeanPostProcessor mandataire() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String nom) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                ProxyFactory fabrique = new ProxyFactory(bean);
                fabrique.setProxyTargetClass(true);
                fabrique.addAdvice((MethodInterceptor) appel -> {
                    String methode = appel.getMethod().getName();
                    Object[] args = appel.getArguments();
                    if (methode.equals("findById") && args.length == 1 && args[0] instanceof String id) {
                        Session sauvegardee = SAUVEGARDEE.get();
                        SAUVEGARDEE.remove();
                        if (sauvegardee != null && sauvegardee.getId().equals(id) && !sauvegardee.isExpired()) {
                            return sauvegardee;
                        }
                        Object lue = appel.proceed();
                        if (lue instanceof Session session) {
                            LUE.set(new Lue(session, session.getId(), session.getLastAccessedTime(),
                                    session.getMaxInactiveInterval()));
                        }
                        return lue;
                    }
                    if (methode.equals("save") && args.length == 1 && args[0] instanceof Session session) {
                        SAUVEGARDEE.remove();
                        Lue lue = LUE.get();
                        // Kept: Spring Session commits twice (when the response is committed, then at the end).
                        Object resultat = lue != null && lue.inchangee(session) ? null : appel.proceed();
                        SAUVEGARDEE.set(session);
                        return resultat;
                    }
                    if (methode.equals("deleteById")) {
                        SAUVEGARDEE.remove();
                        LUE.remove();
                    }
                    return appel.proceed();
                });
                return fabrique.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /** Forgets, at the end of each request, the session its thread saved (placed before Spring Session's filter). */
    static final class Oubli extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
                throws ServletException, IOException {
            SAUVEGARDEE.remove();
            LUE.remove();
            try {
                chaine.doFilter(requete, reponse);
            } finally {
                SAUVEGARDEE.remove();
                LUE.remove();
            }
        }

        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }
}
