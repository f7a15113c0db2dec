package fr.gouv.guichet.socle.securite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code /error} is the container's error page, reached by an error dispatch only: asked for directly it would answer
 * 500 (no error to describe). A direct request gets the ordinary 404 page.
 */
@Component
public class ErreurDirecte extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String chemin = request.getRequestURI().substring(request.getContextPath().length());
        boolean direct = request.getAttribute("jakarta.servlet.error.status_code") == null;
        if (direct && (chemin.equals("/error") || chemin.startsWith("/error/") || chemin.startsWith("/error;"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
