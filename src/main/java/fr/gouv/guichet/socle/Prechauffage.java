package fr.gouv.guichet.socle;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.FlashMap;

import java.util.Collection;
import java.util.UUID;

/**
 * Something slow the first time (class loading, template parsing, JIT) that Guichet does once at start-up, before
 * the readiness probe says ready (issue 18, point 5): the first usager or agent then waits no longer than the tenth.
 * Every implementation is run by {@code socle.supervision.PrechauffageAuDemarrage}, a few times each.
 */
public interface Prechauffage {

    /** What is warmed, in French, for the start-up log. */
    String nom();

    /** Does the slow thing once; called a few times in a row, never concurrently with itself. */
    void prechauffer() throws Exception;

    /**
     * A sign-in's session attributes (security context of this principal, CSRF token, a page's flash message) serialized then deserialized by
     * the converters Spring Session JDBC uses for {@code spring_session_attributes} (Java serialization): the first
     * sign-in and the first page of a session otherwise paid the class descriptors of every class of the context.
     * Nothing is stored: no session exists for this principal.
     *
     * @return the security context read back (tests compare it with the one written)
     */
    static SecurityContext allerRetourEnSession(Object principal, Collection<? extends GrantedAuthority> autorites) {
        UsernamePasswordAuthenticationToken jeton = UsernamePasswordAuthenticationToken.authenticated(principal, null, autorites);
        jeton.setDetails(new WebAuthenticationDetails("127.0.0.1", UUID.randomUUID().toString()));
        SecurityContext contexte = new SecurityContextImpl(jeton);
        SerializingConverter ecriture = new SerializingConverter();
        DeserializingConverter lecture = new DeserializingConverter(Prechauffage.class.getClassLoader());
        lecture.convert(ecriture.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString())));
        // A page's message after a redirect (« Votre demande est transmise… »): Spring MVC's flash maps, kept in session.
        FlashMap message = new FlashMap();
        message.put("messageSucces", "Message d’exemple");
        message.setTargetRequestPath("/exemple");
        message.addTargetRequestParam("exemple", "1");
        message.startExpirationPeriod(180);
        lecture.convert(ecriture.convert(new java.util.ArrayList<>(java.util.List.of(message))));
        return (SecurityContext) lecture.convert(ecriture.convert(contexte));
    }
}
