package fr.gouv.guichet.socle.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Finding the controller method of a request without trying every mapping in full (issue 18).
 * <p>
 * For a path with a variable ({@code /usager/dossiers/123/pages/1}: most pages of a deposit), Spring MVC has no direct
 * entry and checks every one of Guichet's ~350 mappings in turn: request method read through the whole chain of
 * request wrappers, then the path patterns — about 5 % of Guichet's processor time at the national peak (JFR). Each
 * mapping's patterns begin with a literal part ({@code /usager/dossiers/} for {@code /usager/dossiers/{id}}) that any
 * path it matches must begin with: a mapping none of whose literal parts begins the path is answered "no match" at
 * once, without reading the request. The full check of Spring MVC still decides for the others.
 * <p>
 * Only for paths without {@code %} nor {@code ;}: a pattern's literal is compared to the decoded path segments
 * without their parameters, so an escaped character ({@code /ai%64e}) or a segment parameter ({@code /usager;x/…})
 * in a literal part would be refused here and accepted by Spring MVC; such a path takes the full check (the firewall
 * of Spring Security already refuses most of them). Mappings without path patterns are never filtered.
 */
@Configuration(proxyBeanMethods = false)
class AiguillageParPrefixe {

    @Bean
    WebMvcRegistrations aiguillageParPrefixeEnregistrement() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Aiguillage();
            }
        };
    }

    /** The request mapping of Spring MVC with the literal-prefix pre-check. */
    static final class Aiguillage extends RequestMappingHandlerMapping {

        private static final String[] AUCUN_FILTRE = new String[0];
        /** The path being looked up on this thread, when the pre-check applies to it. */
        private static final ThreadLocal<@Nullable String> CHEMIN = new ThreadLocal<>();

        private final ConcurrentHashMap<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String cheminRecherche, HttpServletRequest request)
                throws Exception {
            CHEMIN.set(cheminRecherche.indexOf('%') < 0 && cheminRecherche.indexOf(';') < 0 ? cheminRecherche : null);
            try {
                return super.lookupHandlerMethod(cheminRecherche, request);
            } finally {
                CHEMIN.remove();
            }
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String chemin = CHEMIN.get();
            if (chemin != null && !commencePar(chemin, prefixes.computeIfAbsent(info, Aiguillage::prefixesLitteraux))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean commencePar(String chemin, String[] prefixes) {
            if (prefixes == AUCUN_FILTRE) {
                return true;
            }
            for (String prefixe : prefixes) {
                if (chemin.startsWith(prefixe)) {
                    return true;
                }
            }
            return false;
        }

        /** The literal beginning of each path pattern; {@link #AUCUN_FILTRE} when a pattern has none to check. */
        static String[] prefixesLitteraux(RequestMappingInfo info) {
            PathPatternsRequestCondition chemins = info.getPathPatternsCondition();
            if (chemins == null || chemins.isEmptyPathMapping()) {
                return AUCUN_FILTRE;
            }
            String[] resultat = new String[chemins.getPatterns().size()];
            int i = 0;
            for (PathPattern motif : chemins.getPatterns()) {
                String prefixe = prefixeLitteral(motif.getPatternString());
                if (prefixe.length() <= 1) {
                    return AUCUN_FILTRE;
                }
                resultat[i++] = prefixe;
            }
            return resultat;
        }

        /** The part of a pattern before its first variable or wildcard ({@code /usager/dossiers/} for {@code /usager/dossiers/{id}}). */
        static String prefixeLitteral(String motif) {
            int fin = motif.length();
            for (int i = 0; i < motif.length(); i++) {
                char c = motif.charAt(i);
                if (c == '{' || c == '*' || c == '?' || c == '\\') {
                    fin = i;
                    break;
                }
            }
            return motif.substring(0, fin);
        }
    }
}
