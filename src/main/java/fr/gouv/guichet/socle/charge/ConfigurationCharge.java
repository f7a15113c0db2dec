package fr.gouv.guichet.socle.charge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.time.Duration;

/** Settings of {@link DelestageCharge} and {@link EmpreinteArgon2} ({@code guichet.charge.*}, see README). */
@Configuration(proxyBeanMethods = false)
class ConfigurationCharge {

    private static final int COEURS = Runtime.getRuntime().availableProcessors();

    @Bean
    PasswordEncoder encodeurMotsDePasse(
            @Value("${guichet.charge.empreintes-simultanees:0}") int simultanees,
            @Value("${guichet.charge.attente-max:PT0.8S}") Duration attenteMax,
            @Value("${guichet.charge.argon2-natif:true}") boolean natif) {
        return new EmpreinteArgon2(simultanees > 0 ? simultanees : COEURS, attenteMax, natif);
    }

    /**
     * Spring Session writes the session row back at every request (last access time): one write and one WAL flush
     * per page view. Here the row is written only when something else changed or its last access time is more
     * than a minute old: the session still expires after 30 minutes without activity, give or take one minute.
     * <p>
     * Two requests of the same session at once (two tabs, two uploads) that both add the same new attribute (the
     * flash messages of a redirection) each inserted it: the second failed on the primary key and the usager got an
     * error page. An attribute is inserted or replaced in one statement, and only while its session exists: a request
     * still running when its session was revoked (agent's rights changed, ADR 0029) neither fails nor revives it.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> ecritureSessionEspacee() {
        return depot -> {
            depot.setCreateSessionAttributeQuery("""
                    insert into %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                    select v.p, v.n, v.b from (values (cast(? as char(36)), cast(? as varchar(200)), cast(? as bytea))) v (p, n, b)
                    join %TABLE_NAME% s on s.PRIMARY_ID = v.p
                    on conflict (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) do update set ATTRIBUTE_BYTES = excluded.ATTRIBUTE_BYTES
                    """);
            depot.setUpdateSessionQuery("""
                with v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id) as (
                  values (cast(? as char(36)), cast(? as bigint), cast(? as int), cast(? as bigint), cast(? as varchar(100)),
                          cast(? as char(36))))
                update %TABLE_NAME% s
                set session_id = v.session_id, last_access_time = v.last_access_time,
                    max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
                    principal_name = v.principal_name
                from v
                where s.primary_id = v.primary_id
                  and (s.session_id <> v.session_id or s.max_inactive_interval <> v.max_inactive_interval
                       or s.principal_name is distinct from v.principal_name
                       or v.last_access_time - s.last_access_time >= 60000)
                """);
        };
    }

    /** Spring Session's second read of the session it has just saved, answered without the database. */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor sessionSansRelecture() {
        return SessionSansRelecture.mandataire();
    }

    /** Right after the shedding filter, before Spring Session's: the saved session is forgotten with its request. */
    @Bean
    FilterRegistrationBean<SessionSansRelecture.Oubli> oubliDeLaSessionSauvegardee() {
        FilterRegistrationBean<SessionSansRelecture.Oubli> r = new FilterRegistrationBean<>(new SessionSansRelecture.Oubli());
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        r.addUrlPatterns("/*");
        r.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
                jakarta.servlet.DispatcherType.ASYNC);
        return r;
    }

    /** First of all filters: a shed request costs neither a session read nor a security check. */
    @Bean
    FilterRegistrationBean<DelestageCharge> delestageCharge(
            @Value("${guichet.charge.requetes-simultanees:0}") int simultanees,
            @Value("${guichet.charge.places-agents:0}") int placesAgents,
            @Value("${guichet.charge.attente-max:PT0.8S}") Duration attenteMax,
            @Value("${guichet.charge.reessayer-apres:PT5S}") Duration reessayerApres,
            @Value("${server.servlet.session.cookie.name:GUICHET_SESSION}") String cookieSession,
            @Value("${guichet.charge.places-par-client:0}") int parClient,
            @Value("${guichet.charge.debit-min-octets-par-seconde:8192}") long debitMin,
            @Value("${guichet.charge.lecture-grace:PT5S}") Duration grace,
            @Value("${guichet.charge.lecture-max:PT10M}") Duration lectureMax,
            @Value("${spring.servlet.multipart.max-file-size:25MB}") org.springframework.util.unit.DataSize maxFichier,
            @Value("${spring.servlet.multipart.max-request-size:26MB}") org.springframework.util.unit.DataSize maxRequete,
            @Value("${guichet.charge.priorite-usagers:1}") int prioriteUsagers,
            org.springframework.session.SessionRepository<?> sessions, java.time.Clock horloge) {
        int places = simultanees > 0 ? simultanees : Math.max(8, 4 * COEURS);
        FilterRegistrationBean<DelestageCharge> r = new FilterRegistrationBean<>(
                new DelestageCharge(places, placesAgents > 0 ? placesAgents : Math.max(8, 4 * COEURS), attenteMax,
                        reessayerApres, cookieSession,
                        parClient > 0 ? parClient : Math.max(2, places / 2), new SessionsExistantes(sessions, horloge),
                        new DelestageCharge.LectureCorps(debitMin, grace, lectureMax, maxFichier.toBytes(), maxRequete.toBytes())));
        r.getFilter().prioriteUsagers(new PrioriteProcesseur(prioriteUsagers, true));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.addUrlPatterns("/*");
        return r;
    }
}
