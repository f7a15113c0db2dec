package fr.gouv.guichet.socle.web;

import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The literal-prefix pre-check of {@link AiguillageParPrefixe}, on Guichet's real mappings: it is the mapping in use,
 * it never refuses a path that a mapping's own pattern matches, it refuses the others without reading the request,
 * and escaped paths still reach their controller.
 */
@TestGuichet
class AiguillageParPrefixeIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping aiguillage;

    private static String exemple(String motif) {
        return motif.replaceAll("\\{\\*?[A-Za-z0-9_]+(:[^}]*)?}", "1").replace("/**", "/a").replace("*", "a");
    }

    private static HandlerMethod resoudre(RequestMappingHandlerMapping mapping, String methode, String chemin) throws Exception {
        MockHttpServletRequest requete = new MockHttpServletRequest(methode, chemin);
        ServletRequestPathUtils.parseAndCache(requete);
        HandlerExecutionChain chaine = mapping.getHandler(requete);
        assertThat(chaine).as(methode + " " + chemin).isNotNull();
        return (HandlerMethod) chaine.getHandler();
    }

    @Test
    void cEstLAiguillageDeGuichetQuiSert() {
        assertThat(aiguillage).isInstanceOf(AiguillageParPrefixe.Aiguillage.class);
        assertThat(aiguillage.getHandlerMethods()).hasSizeGreaterThan(100);
    }

    @Test
    void aucunMotifNEstRefuseSurUnCheminQuIlReconnait() {
        List<String> refuses = new ArrayList<>();
        int verifies = 0;
        for (RequestMappingInfo info : aiguillage.getHandlerMethods().keySet()) {
            String[] prefixes = AiguillageParPrefixe.Aiguillage.prefixesLitteraux(info);
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern motif : info.getPathPatternsCondition().getPatterns()) {
                String chemin = exemple(motif.getPatternString());
                if (!motif.matches(org.springframework.http.server.PathContainer.parsePath(chemin))) {
                    continue; // variable with a pattern that "1" does not satisfy: nothing to compare
                }
                verifies++;
                boolean passe = prefixes.length == 0 || java.util.Arrays.stream(prefixes).anyMatch(chemin::startsWith);
                if (!passe) {
                    refuses.add(motif.getPatternString() + " → " + chemin);
                }
            }
        }
        assertThat(verifies).isGreaterThan(150);
        assertThat(refuses).isEmpty();
    }

    @Test
    void chaqueCheminAvecVariablesTrouveSaMethode() throws Exception {
        List<String> ecarts = new ArrayList<>();
        int verifies = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : aiguillage.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (info.getPathPatternsCondition() == null || !info.getParamsCondition().isEmpty()
                    || !info.getHeadersCondition().isEmpty() || !info.getConsumesCondition().isEmpty()
                    || !info.getProducesCondition().isEmpty()) {
                continue;
            }
            PathPattern motif = info.getPathPatternsCondition().getPatterns().iterator().next();
            String chemin = exemple(motif.getPatternString());
            if (!motif.getPatternString().contains("{")
                    || !motif.matches(org.springframework.http.server.PathContainer.parsePath(chemin))) {
                continue;
            }
            String methode = info.getMethodsCondition().getMethods().isEmpty() ? "GET"
                    : info.getMethodsCondition().getMethods().iterator().next().name();
            verifies++;
            HandlerMethod trouve = resoudre(aiguillage, methode, chemin);
            if (!trouve.getMethod().equals(e.getValue().getMethod())) {
                ecarts.add(methode + " " + chemin + " → " + trouve.getMethod() + " au lieu de " + e.getValue().getMethod());
            }
        }
        assertThat(verifies).as("chemins à variables vérifiés").isGreaterThan(50);
        assertThat(ecarts).isEmpty();
    }

    @Test
    void unCheminSansPrefixeCommunEstRefuseSansLireLaRequete() throws Exception {
        HttpServletRequest piegee = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (p, m, a) -> {
                    throw new AssertionError("requête lue : " + m.getName());
                });
        AiguillageParPrefixe.Aiguillage a = (AiguillageParPrefixe.Aiguillage) aiguillage;
        java.lang.reflect.Method lookup = AiguillageParPrefixe.Aiguillage.class.getDeclaredMethod("getMatchingMapping",
                RequestMappingInfo.class, HttpServletRequest.class);
        // Outside a look-up (no path recorded) the pre-check does not apply: Spring MVC's full check reads the request.
        int refusesSansLecture = 0;
        java.lang.reflect.Field chemin = AiguillageParPrefixe.Aiguillage.class.getDeclaredField("CHEMIN");
        chemin.setAccessible(true);
        @SuppressWarnings("unchecked")
        ThreadLocal<String> local = (ThreadLocal<String>) chemin.get(null);
        local.set("/zz-aucune-page/1");
        try {
            lookup.setAccessible(true);
            for (RequestMappingInfo info : a.getHandlerMethods().keySet()) {
                if (AiguillageParPrefixe.Aiguillage.prefixesLitteraux(info).length == 0) {
                    continue;
                }
                assertThat(lookup.invoke(a, info, piegee)).isNull();
                refusesSansLecture++;
            }
        } finally {
            local.remove();
        }
        assertThat(refusesSansLecture).isGreaterThan(150);
    }

    @Test
    void unCheminEchappeOuAvecParametreDeSegmentPrendLaVerificationComplete() throws Exception {
        HandlerMethod clair = resoudre(aiguillage, "GET", "/usager/dossiers/1/pages/1");
        HandlerMethod echappe = resoudre(aiguillage, "GET", "/usager/dossier%73/1/pages/1");
        assertThat(echappe.getMethod()).isEqualTo(clair.getMethod());
    }

    @Test
    void prefixesLitteraux() {
        assertThat(AiguillageParPrefixe.Aiguillage.prefixeLitteral("/usager/dossiers/{id}/pages/{n}")).isEqualTo("/usager/dossiers/");
        assertThat(AiguillageParPrefixe.Aiguillage.prefixeLitteral("/aide")).isEqualTo("/aide");
        assertThat(AiguillageParPrefixe.Aiguillage.prefixeLitteral("/dsfr/**")).isEqualTo("/dsfr/");
        assertThat(AiguillageParPrefixe.Aiguillage.prefixeLitteral("/{x}")).isEqualTo("/");
    }
}
