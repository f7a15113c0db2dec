package fr.gouv.guichet.socle.charge;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A 503 answer: {@code Retry-After}, never cached, a static French page (no template, no session, no database). */
final class Reponse503 {

    private Reponse503() {
    }

    static void ecrire(HttpServletResponse response, long reessayerApres, String page) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(reessayerApres));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        byte[] octets = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(octets.length);
        response.getOutputStream().write(octets);
    }
}
