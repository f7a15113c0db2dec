package fr.gouv.guichet.securite;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.demarche.Dossiers;
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
 * <p>A new mapping that is not listed below makes the test fail: whoever adds a URL says how to attack it.
 */
@TestGuichet
class AccesCroisesIntegrationTest {

    /** Pages anyone may open (sign-in, sign-up, tokens by e-mail, public checks and lists, error page). */
    static final Set<String> PUBLIQUES = Set.of("/", "/aide", "/mentions-legales", "/accessibilite", "/donnees-personnelles",
            "/connexion", "/inscription", "/inscription/envoyee", "/activation", "/activation/renvoyer", "/mot-de-passe-oublie",
            "/mot-de-passe/reinitialiser", "/compte/email/confirmer", "/verifier", "/verifier/{code}", "/prefectures/{code}/autorisations",
            "/agent/connexion", "/agent/invitation", "/dev/courriels", "/error",
            // FranceConnect / ProConnect: error page, link of the identity waiting in this session (password of the
            // account required, see FranceConnectAttaquesIntegrationTest), return from the provider's logout.
            "/connexion/franceconnect/erreur", "/connexion/franceconnect/rattachement", "/connexion/franceconnect/abandon",
            "/deconnexion/fin", "/agent/deconnexion/fin",
            "/lieux-aide", "/lieux-aide/{id}",
            // Help of any page: the dossier named in ?depuis= is shown to its owner only (BesoinAideIntegrationTest).
            "/besoin-d-aide",
            // Assisted sessions: they only act on the assisted session of the browser's own session (none here), and
            // the médiateurs' sign-in and invitation (one-time token).
            "/accompagnement", "/accompagnement/consentement", "/accompagnement/fin", "/accompagnement/terminee", "/accompagnement/lien-unique",
            "/mediateur/connexion", "/mediateur/invitation",
            // Identity titles: search of slots and waiting times (nothing of anyone's).
            "/rendez-vous-titres", "/rendez-vous-titres/delais",
            // Tiers de confiance : annuaire public ; lien du client (jeton de 256 bits, seul son SHA-256 est gardé :
            // DepotPourClientIntegrationTest) pour voir le dépôt fait en son nom et s’y opposer.
            "/professionnels-habilites", "/tiers/depots/{jeton}", "/tiers/depots/{jeton}/opposition",
            // The payment provider's notification: believed only when signed (PaiementImmatriculationIntegrationTest).
            "/immatriculation/paiements/notification");

    /** Signed-in pages without an identifier in the URL: they only ever act on the signed-in person's own data. */
    static final Set<String> PROPRES = Set.of("/usager", "/usager/prefecture", "/usager/dossiers", "/usager/videoprotection",
            "/usager/videoprotection/nouveau", "/usager/videoprotection/reference", "/compte", "/compte/mot-de-passe",
            "/compte/email", "/compte/suppression", "/compte/franceconnect/suppression", "/agent", "/agent/national",
            "/agent/national/lieux-aide", "/agent/national/tribunaux", "/agent/recapitulatif", "/agent/national/competences",
            "/usager/notifications", "/usager/notifications/revocation",
            // The médiateur's own place (a letter of another place: AccesMediationIntegrationTest).
            "/mediateur", "/mediateur/sessions", "/mediateur/courrier", "/mediateur/courrier/remis",
            "/usager/permis", "/usager/permis/demarche",
            "/usager/identite", "/usager/identite/nouvelle", "/usager/identite/reserver",
            // Tiers de confiance : l’entreprise du collaborateur connecté (AccesTiers ; DepotPourClientIntegrationTest).
            "/usager/tiers/habilitation", "/usager/pro", "/usager/pro/depots.csv", "/usager/pro/depots/nouveau",
            "/usager/pro/collaborateurs", "/usager/pro/depots/vehicule", "/usager/pro/resiliation",
            "/usager/vehicules", "/usager/vehicules/achat");

    /** How to fill each URL with what belongs to the victim (a usager of the Var, the Var's préfecture). */
    static final Map<String, Function<Terrain, Map<String, Object>>> VICTIME = Map.ofEntries(
            Map.entry("/usager/identite/dossiers/{dossierId}", t -> Map.of("dossierId", t.preDemande)),
            Map.entry("/usager/identite/dossiers/{id}/timbres", t -> Map.of("id", t.brouillonPreDemande)),
            Map.entry("/usager/identite/rendez-vous/{id}", t -> Map.of("id", t.rendezVous)),
            Map.entry("/usager/identite/rendez-vous/{id}/annuler", t -> Map.of("id", t.rendezVous)),
            Map.entry("/agent/mairies/{service}", t -> Map.of("service", Terrain.MAIRIE)),
            Map.entry("/agent/mairies/{service}/pre-demande", t -> Map.of("service", Terrain.MAIRIE)),
            Map.entry("/agent/mairies/{service}/pre-demande/{numero}/recueillir", t -> Map.of("service", Terrain.MAIRIE, "numero", t.numeroPreDemande)),
            Map.entry("/agent/mairies/{service}/pre-demande/{numero}/disponible", t -> Map.of("service", Terrain.MAIRIE, "numero", t.numeroPreDemande)),
            Map.entry("/agent/mairies/{service}/pre-demande/{numero}/remis", t -> Map.of("service", Terrain.MAIRIE, "numero", t.numeroPreDemande)),
            Map.entry("/agent/mairies/{service}/rendez-vous/{id}/absent", t -> Map.of("service", Terrain.MAIRIE, "id", t.rendezVous)),
            Map.entry("/agent/prefectures/{departement}/mairies", t -> Map.of("departement", "83")),
            Map.entry("/agent/prefectures/{departement}/mairies/{service}", t -> Map.of("departement", "83", "service", Terrain.MAIRIE)),
            Map.entry("/agent/prefectures/{departement}/mairies/{service}/fermetures", t -> Map.of("departement", "83", "service", Terrain.MAIRIE)),
            Map.entry("/agent/prefectures/{departement}/mairies/{service}/fermetures/{id}/supprimer",
                    t -> Map.of("departement", "83", "service", Terrain.MAIRIE, "id", t.fermeture)),
            Map.entry("/usager/dossiers/{id}", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/supprimer", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/dossiers/{id}/messages", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/pieces-transmises", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/recepisse.pdf", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/pieces", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/dossiers/{id}/pieces/{pieceId}", t -> Map.of("id", t.dossier, "pieceId", t.piece)),
            Map.entry("/usager/dossiers/{id}/pages/{numero}", t -> Map.of("id", t.brouillon, "numero", 1)),
            Map.entry("/usager/dossiers/{id}/pages/{numero}/auto", t -> Map.of("id", t.brouillon, "numero", 1)),
            Map.entry("/usager/dossiers/{id}/validation", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/dossiers/{id}/valider", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/videoprotection/brouillons/{id}/titulaire", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/permis/dossiers/{id}/photo", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/permis/dossiers/{id}/photo/confirmation", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/permis/dossiers/{id}/bordereau.pdf", t -> Map.of("id", t.dossier)),
            // Appointment in préfecture of a non-EU exchange: another usager on a real exchange in RendezVousPrefectureIntegrationTest.
            Map.entry("/usager/permis/dossiers/{id}/rendez-vous", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/permis/dossiers/{id}/rendez-vous/annulation", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/videoprotection/brouillons/{id}/titulaire/code", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/videoprotection/brouillons/{id}/titulaire/preuve", t -> Map.of("id", t.brouillon)),
            Map.entry("/usager/pro/depots/{id}", t -> Map.of("id", t.dossier)),
            // Payment of a client's change of holder by the company (other company, client, withdrawn collaborator:
            // DepotVehiculePourClientIntegrationTest).
            Map.entry("/usager/pro/depots/{id}/paiement", t -> Map.of("id", t.dossier)),
            Map.entry("/usager/pro/collaborateurs/{usagerId}/retrait", t -> Map.of("usagerId", 1)),
            Map.entry("/usager/pro/invitations/{jeton}", t -> Map.of("jeton", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            Map.entry("/agent/services/{code}/tiers", t -> Map.of("code", "83")),
            // Public (token links), listed for the CSRF check of their form.
            Map.entry("/tiers/depots/{jeton}", t -> Map.of("jeton", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            Map.entry("/tiers/depots/{jeton}/opposition", t -> Map.of("jeton", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            Map.entry("/usager/vehicules/{id}", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/{id}/cession", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/{id}/adresse", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/{id}/duplicata", t -> Map.of("id", t.vehicule)),
            Map.entry("/usager/vehicules/cessions/{id}", t -> Map.of("id", t.cession)),
            Map.entry("/usager/vehicules/cessions/{id}/situation.pdf", t -> Map.of("id", t.cession)),
            Map.entry("/usager/vehicules/demandes/{id}", t -> Map.of("id", t.demandeImmatriculation)),
            Map.entry("/usager/vehicules/demandes/{id}/certificat-provisoire.pdf", t -> Map.of("id", t.demandeImmatriculation)),
            Map.entry("/usager/vehicules/demandes/{id}/pieces", t -> Map.of("id", t.demandeImmatriculation)),
            Map.entry("/usager/vehicules/paiements/{reference}", t -> Map.of("reference", t.referencePaiement)),
            Map.entry("/usager/vehicules/paiements/{reference}/retour", t -> Map.of("reference", t.referencePaiement)),
            Map.entry("/agent/dossiers/{id}", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/actions/{transition}", t -> Map.of("id", t.dossier, "transition", "DEMANDER_PIECES")),
            Map.entry("/agent/dossiers/{id}/messages", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/notes", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/priorite", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/dossiers/{id}/pieces/{pieceId}", t -> Map.of("id", t.dossier, "pieceId", t.piece)),
            Map.entry("/agent/dossiers/{id}/pieces.zip", t -> Map.of("id", t.dossier)),
            Map.entry("/agent/national/tribunaux/{code}", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/file", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/file", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/file.csv", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/tableau-de-bord", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/signaux", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/agents", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "83", "agentId", t.instructeur83.id())),
            Map.entry("/agent/services/{code}/coordonnees", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/mediateurs", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/mediateurs/{id}/desactivation", t -> Map.of("code", "83", "id", t.mediateur83)),
            Map.entry("/agent/services/{code}/mediation/statistiques", t -> Map.of("code", "83")),
            Map.entry("/agent/services/{code}/mediation/statistiques.csv", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/file.csv", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/registre", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/tableau-de-bord", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/agents", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "83", "agentId", t.instructeur83.id())),
            Map.entry("/agent/prefectures/{code}/commission", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/commission/seances", t -> Map.of("code", "83")),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/ordre-du-jour.pdf", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/inscriptions", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/modification", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/annulation", t -> Map.of("code", "83", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/avis",
                    t -> Map.of("code", "83", "id", t.seance, "dossierId", t.dossier)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/prorogation",
                    t -> Map.of("code", "83", "id", t.seance, "dossierId", t.dossier)));

    /**
     * The confused-deputy variant for the agent of Paris: their own préfecture (and their own session of the
     * commission) in the URL, the Var's identifiers in the rest.
     */
    static final Map<String, Function<Terrain, Map<String, Object>>> MELANGES = Map.ofEntries(
            Map.entry("/agent/prefectures/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "75", "agentId", t.instructeur83.id())),
            Map.entry("/agent/services/{code}/agents/{agentId}/desactivation", t -> Map.of("code", "75", "agentId", t.instructeur83.id())),
            Map.entry("/agent/services/{code}/mediateurs/{id}/desactivation", t -> Map.of("code", "75", "id", t.mediateur83)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/ordre-du-jour.pdf", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/inscriptions", t -> Map.of("code", "75", "id", t.seance75)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/modification", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/annulation", t -> Map.of("code", "75", "id", t.seance)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/avis",
                    t -> Map.of("code", "75", "id", t.seance75, "dossierId", t.dossier)),
            Map.entry("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/prorogation",
                    t -> Map.of("code", "75", "id", t.seance75, "dossierId", t.dossier)));

    /** State-changing URLs handled by Spring Security's filters rather than by a controller. */
    static final List<String> POST_FILTRES = List.of("/connexion", "/deconnexion", "/agent/connexion", "/agent/deconnexion",
            "/mediateur/connexion", "/mediateur/deconnexion");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Agents agents;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Terrain t;

    @BeforeEach
    void terrain() throws Exception {
        t = new Terrain(mvc, jdbc, encodeur, dossiers, agents);
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
        assertThat(inconnus).as("URL sans règle d’attaque dans AccesCroisesIntegrationTest : dites qui peut l’ouvrir "
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
