package fr.gouv.guichet.socle.securite;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The same security headers on every filter chain: CSP without inline scripts, no framing, no sniffing. */
public final class EnTetesSecurite {

    public static final String CSP = csp(List.of());

    /**
     * The policy; {@code originesFormulaires} are added to {@code form-action}: the identity providers, since a form
     * (sign-out) answered by a redirect to another origin is blocked by Chromium otherwise.
     */
    public static String csp(Collection<String> originesFormulaires) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'" + originesFormulaires.stream().map(o -> " " + o).collect(Collectors.joining())
                + "; frame-ancestors 'none'";
    }

    private EnTetesSecurite() {
    }

    public static void appliquer(HttpSecurity http) throws Exception {
        appliquer(http, List.of());
    }

    public static void appliquer(HttpSecurity http, Collection<String> originesFormulaires) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(csp(originesFormulaires)))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }
}
