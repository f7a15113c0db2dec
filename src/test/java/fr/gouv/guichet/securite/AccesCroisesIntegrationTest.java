package fr.gouv.guichet.securite;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static fr.gouv.guichet.securite.ReglesAttaque.MELANGES;
import static fr.gouv.guichet.securite.ReglesAttaque.POST_FILTRES;
import static fr.gouv.guichet.securite.ReglesAttaque.PROPRES;
import static fr.gouv.guichet.securite.ReglesAttaque.PUBLIQUES;
import static fr.gouv.guichet.securite.ReglesAttaque.VICTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Every URL of Guichet, discovered at run time from the handler mappings, tried by the wrong people: anonymous,
 * another usager, an agent of another préfecture (also with their own préfecture in the URL and the victim's ids
 * in the rest), an agent of another service (a CERT: 404 on every back-office URL), and every state-changing form
 * without its CSRF token. Nothing is read, nothing is written.
 *
 * <p>A new mapping that is not listed in {@link ReglesAttaque} makes the test fail: whoever adds a URL says how to attack it.
 */
@TestGuichet
class AccesCroisesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    Agents agents;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Terrain t;

    @BeforeEach
    void terrain() throws Exception {
        t = new Terrain(mvc, jdbc, encodeur, dossiers, instruction, agents);
    }

    record Cible(String motif, RequestMethod methode) {
        boolean agent() {
            return motif.startsWith("/agent");
        }

        boolean avecVariables() {
            return motif.contains("{");
        }
    }

    /** Every (pattern, method) of the application; fails if a pattern is in none of the lists above. */
    List<Cible> cibles() {
        List<Cible> cibles = new ArrayList<>();
        Set<String> inconnus = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methodes = info.getMethodsCondition().getMethods();
            for (String motif : info.getPatternValues()) {
                if (!PUBLIQUES.contains(motif) && !PROPRES.contains(motif) && !VICTIME.containsKey(motif)) {
                    inconnus.add(motif);
                }
                for (RequestMethod m : methodes.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methodes) {
                    cibles.add(new Cible(motif, m));
                }
            }
        }
        assertThat(inconnus).as("URL sans règle d’attaque dans ReglesAttaque : dites qui peut l’ouvrir "
                + "et avec quels identifiants d’un autre usager ou d’une autre préfecture l’essayer").isEmpty();
        assertThat(cibles).extracting(Cible::motif).containsAll(VICTIME.keySet()).containsAll(PROPRES);
        return cibles;
    }

    String url(Cible c, Map<String, Function<Terrain, Map<String, Object>>> table) {
        return c.avecVariables() ? new UriTemplate(c.motif()).expand(table.get(c.motif()).apply(t)).toString() : c.motif();
    }

    AbstractMockHttpServletRequestBuilder<?> requete(Cible c, String url) throws Exception {
        if (c.methode() == RequestMethod.GET) {
            return get(url);
        }
        AbstractMockHttpServletRequestBuilder<?> r = multipart(HttpMethod.valueOf(c.methode().name()), url)
                .file(new MockMultipartFile("fichier", "pirate.png", "image/png", Terrain.png()));
        t.parametresHostiles().forEach(r::param);
        return r;
    }

    MvcResult tenter(Cible c, String url, Cookie session, boolean jeton) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> r = requete(c, url);
        if (session != null) {
            r.cookie(session);
        }
        if (jeton && c.methode() != RequestMethod.GET) {
            r.with(csrf());
        }
        MvcResult resultat = mvc.perform(r).andReturn();
        String corps = resultat.getResponse().getContentAsString();
        assertThat(corps).as("%s %s : rien du dossier de la victime ne doit fuiter", c.methode(), url)
                .doesNotContain(t.marqueur).doesNotContain(t.numero);
        return resultat;
    }

    static Map<String, Object> avecCode(Map<String, Object> variables, String code) {
        Map<String, Object> copie = new java.util.HashMap<>(variables);
        copie.put("code", code);
        return copie;
    }

    @Test
    void chaqueUrl_essayeeParLesMauvaisesPersonnes_neLitNiNEcritRien() throws Exception {
        List<Cible> cibles = cibles();
        Map<String, String> avant = t.etat();
        List<String> echecs = new ArrayList<>();
        int tentatives = 0;
        for (Cible c : cibles) {
            if (PUBLIQUES.contains(c.motif())) {
                continue;
            }
            String url = url(c, VICTIME);
            String connexion = c.agent() ? "/agent/connexion" : c.motif().startsWith("/mediateur") ? "/mediateur/connexion" : "/connexion";

            MvcResult anonyme = tenter(c, url, null, true);
            tentatives++;
            if (!connexion.equals(anonyme.getResponse().getRedirectedUrl())) {
                echecs.add("anonyme " + c + " -> " + anonyme.getResponse().getStatus() + " " + anonyme.getResponse().getRedirectedUrl());
            }
            if (c.agent()) {
                for (Cookie usager : List.of(t.sessionIntrus, t.sessionVictime)) {
                    int statut = tenter(c, url, usager, true).getResponse().getStatus();
                    tentatives++;
                    if (statut != 403) {
                        echecs.add("usager " + c + " -> " + statut);
                    }
                }
                if (c.avecVariables()) {
                    // An agent of another service (the CERT of the Var's driving licences): 404, as if nothing existed;
                    // the national administrator's pages are refused by role (403), to every agent who is not one.
                    int statutCert = tenter(c, url, t.sessionAgentCert, true).getResponse().getStatus();
                    tentatives++;
                    boolean pageNationale = c.motif().startsWith("/agent/national/");
                    if (statutCert != 404 && !(pageNationale && statutCert == 403)) {
                        echecs.add("agent du CERT " + c + " -> " + statutCert);
                    }
                    String urlCert = c.motif().contains("{code}") && !c.motif().contains("/commission")
                            ? new UriTemplate(c.motif()).expand(avecCode(VICTIME.get(c.motif()).apply(t), "cert-permis-bordeaux")).toString() : null;
                    if (urlCert != null && c.motif().contains("{agentId}")) {
                        // Their own service in the URL, the Var's agent in the rest.
                        int s = tenter(c, urlCert, t.sessionAgentCert, true).getResponse().getStatus();
                        tentatives++;
                        if (s != 403 && s != 404) {
                            echecs.add("agent du CERT (URL mélangée) " + c.methode() + " " + urlCert + " -> " + s);
                        }
                    }
                    int statut = tenter(c, url, t.sessionAgent75, true).getResponse().getStatus();
                    tentatives++;
                    if (statut != 403 && statut != 404) {
                        echecs.add("agent du 75 " + c + " -> " + statut);
                    }
                    if (MELANGES.containsKey(c.motif())) {
                        String melange = url(c, MELANGES);
                        int s = tenter(c, melange, t.sessionAgent75, true).getResponse().getStatus();
                        tentatives++;
                        if (s != 403 && s != 404) {
                            echecs.add("agent du 75 (URL mélangée) " + c.methode() + " " + melange + " -> " + s);
                        }
                    }
                }
            } else {
                int statutAgent = tenter(c, url, t.sessionAgent75, true).getResponse().getStatus();
                tentatives++;
                if (statutAgent != 403) {
                    echecs.add("agent " + c + " -> " + statutAgent);
                }
                if (c.avecVariables()) {
                    int statut = tenter(c, url, t.sessionIntrus, true).getResponse().getStatus();
                    tentatives++;
                    if (statut != 404) {
                        echecs.add("autre usager " + c + " -> " + statut);
                    }
                }
            }
        }
        assertThat(echecs).as("accès qui auraient dû être refusés").isEmpty();
        assertThat(tentatives).isGreaterThan(150);
        assertThat(t.etat()).as("aucune écriture").isEqualTo(avant);
        // The victim still reaches everything: the refusals above are not a broken page.
        for (String url : List.of("/usager/dossiers/" + t.dossier, "/usager/dossiers/" + t.dossier + "/pieces/" + t.piece,
                "/usager/dossiers/" + t.brouillon + "/pages/1")) {
            assertThat(mvc.perform(get(url).cookie(t.sessionVictime)).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/agent/dossiers/" + t.dossier).cookie(t.sessionAdmin83)).andReturn().getResponse()
                .getContentAsString()).contains(t.marqueur);
    }

    @Test
    void chaqueFormulaire_sansJetonCsrf_estRefuse_etNEcritRien() throws Exception {
        List<Cible> posts = cibles().stream().filter(c -> c.methode() != RequestMethod.GET).toList();
        assertThat(posts).hasSizeGreaterThan(30);
        Map<String, String> avant = t.etat();
        List<String> echecs = new ArrayList<>();
        for (Cible c : posts) {
            String url = url(c, VICTIME);
            // The rightful owner's session: with a token, these requests would succeed (delete the account, invite an agent…).
            Cookie session = PUBLIQUES.contains(c.motif()) ? null : c.agent() ? t.sessionAdmin83 : t.sessionVictime;
            for (boolean jetonInvalide : List.of(false, true)) {
                AbstractMockHttpServletRequestBuilder<?> r = requete(c, url);
                if (session != null) {
                    r.cookie(session);
                }
                if (jetonInvalide) {
                    r.with(csrf().useInvalidToken());
                }
                int statut = mvc.perform(r).andReturn().getResponse().getStatus();
                if (statut != 403) {
                    echecs.add(c + (jetonInvalide ? " (jeton invalide)" : " (sans jeton)") + " -> " + statut);
                }
            }
        }
        for (String url : POST_FILTRES) {
            Cookie session = url.startsWith("/agent") ? t.sessionAdmin83 : t.sessionVictime;
            int statut = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).cookie(session)
                    .param("email", t.victime.email()).param("motDePasse", "x")).andReturn().getResponse().getStatus();
            if (statut != 403) {
                echecs.add("POST " + url + " sans jeton -> " + statut);
            }
        }
        assertThat(echecs).isEmpty();
        assertThat(t.etat()).as("aucune écriture").isEqualTo(avant);
        // Sign-out without a token did nothing: the sessions still work.
        assertThat(mvc.perform(get("/usager/dossiers/" + t.dossier).cookie(t.sessionVictime)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/agent/dossiers/" + t.dossier).cookie(t.sessionAdmin83)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
