package fr.gouv.guichet.socle.supervision;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Gives each request an id, put in the logs' MDC ({@code requestId}, a field of each JSON log line with
 * {@code logging.structured.format.console=ecs}) and returned in {@code X-Request-Id}. An id sent by the proxy in
 * {@code X-Request-Id} is kept when it is short and plain (letters, digits, {@code -_.}), else a new one is made.
 */
public final class IdentifiantRequete extends OncePerRequestFilter {

    public static final String ENTETE = "X-Request-Id";
    public static final String CLE_MDC = "requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain chaine)
            throws ServletException, IOException {
        String recu = requete.getHeader(ENTETE);
        String id = recu != null && recu.matches("[A-Za-z0-9._-]{8,64}") ? recu : UUID.randomUUID().toString();
        MDC.put(CLE_MDC, id);
        reponse.setHeader(ENTETE, id);
        try {
            chaine.doFilter(requete, reponse);
        } finally {
            MDC.remove(CLE_MDC);
        }
    }
}
