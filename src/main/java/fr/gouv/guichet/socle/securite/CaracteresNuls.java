package fr.gouv.guichet.socle.securite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses (400) a request whose parameters contain a NUL character: PostgreSQL cannot store or compare it in text,
 * so it would otherwise end as a 500 in whichever query or insert first meets it (search, sign-in, message…).
 */
@Component
public class CaracteresNuls extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String[] valeurs : request.getParameterMap().values()) {
            for (String valeur : valeurs) {
                if (valeur != null && valeur.indexOf('\u0000') >= 0) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
