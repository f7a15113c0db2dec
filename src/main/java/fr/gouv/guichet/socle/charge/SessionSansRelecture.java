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
 */
final class SessionSansRelecture {

    private static final ThreadLocal<Session> SAUVEGARDEE = new ThreadLocal<>();

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
                        return appel.proceed();
                    }
                    if (methode.equals("save") && args.length == 1 && args[0] instanceof Session session) {
                        SAUVEGARDEE.remove();
                        Object resultat = appel.proceed();
                        SAUVEGARDEE.set(session);
                        return resultat;
                    }
                    if (methode.equals("deleteById")) {
                        SAUVEGARDEE.remove();
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
            try {
                chaine.doFilter(requete, reponse);
            } finally {
                SAUVEGARDEE.remove();
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
