package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Stored and reflected XSS through every free-text field (pages of both sides, e-mails, PDFs), and SQL-injection
 * strings in searches, filters, references and sign-in: text stays text, queries stay queries.
 */
@TestGuichet
class InjectionsIntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String LIEN = "javascript:alert(1)";
    static final String CHARGE = "X " + SCRIPT + " " + IMG + " " + LIEN;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Agents agentsService;
    @Autowired
    GreenMail greenMail;

    ComptesDeTest comptes;
    AgentsDeTest agents;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        agents = new AgentsDeTest(agentsService);
    }

    /** The raw HTML shows the payload escaped, never as markup. */
    static void echappe(String ou, String html) {
        sansBalise(ou, html);
        assertThat(html).as(ou).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    static void sansBalise(String ou, String html) {
        assertThat(html).as(ou).doesNotContain(SCRIPT).doesNotContain("<img src=x onerror=alert(1)>")
                .doesNotContainPattern("(?i)(href|src|action|formaction)\\s*=\\s*[\"']?\\s*javascript:");
    }

    String page(Cookie session, String url) throws Exception {
        MvcResult r = mvc.perform(get(url).cookie(session)).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    static String texte(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void xss_dansChaqueChampLibre_resteDuTexte_pagesUsagerEtAgent_pdf() throws Exception {
        ComptesDeTest.Compte usager = comptes.usager("83");
        Cookie sessionUsager = Terrain.usager(mvc, usager);
        AgentsDeTest.Agent instructeur = agents.agent("83", RoleAgent.INSTRUCTEUR);
        // An agent whose display name is itself a payload (it is typed by the préfecture administrator).
        String emailAgentPiege = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        long idPiege = agentsService.creerAvecMotDePasse(emailAgentPiege, CHARGE, AgentsDeTest.MOT_DE_PASSE, false);
        agentsService.rattacher(idPiege, "83", RoleAgent.ADMINISTRATEUR);
        Cookie agent = Terrain.agent(mvc, new AgentsDeTest.Agent(idPiege, emailAgentPiege));

        Map<String, Object> reponses = DossiersDeTest.reponsesValides();
        for (String champ : List.of("denomination", "activite", "horaires_ouverture", "personnes_habilitees", "mesures_securite",
                "information_public", "droit_acces_service", "installateur_nom")) {
            reponses.put(champ, CHARGE);
        }
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);

        // The form pages (values in inputs and textareas) and the summary.
        List<String> pagesFormulaire = new ArrayList<>();
        for (int n = 1; n < 20; n++) {
            MvcResult r = mvc.perform(get("/usager/dossiers/" + id + "/pages/" + n).cookie(sessionUsager)).andReturn();
            if (r.getResponse().getStatus() == 404) {
                break;
            }
            String html = r.getResponse().getContentAsString();
            sansBalise("page " + n + " du formulaire", html);
            pagesFormulaire.add(html);
        }
        assertThat(pagesFormulaire).hasSizeGreaterThan(2).anySatisfy(html -> echappe("formulaire", html));
        // Typed through the form itself (not only stored by the service).
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post("/usager/dossiers/" + id + "/pages/1").cookie(sessionUsager).with(csrf()).param("action", "revenir")
                .param("version", String.valueOf(version)).param("denomination", CHARGE))
                .andExpect(r -> echappe("formulaire renvoyé", r.getResponse().getContentAsString()));
        echappe("récapitulatif", page(sessionUsager, "/usager/dossiers/" + id + "/validation"));

        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(sessionUsager).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui"));
        String numero = jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
        assertThat(numero).isNotNull();

        // Files whose names are payloads.
        for (String nom : List.of(IMG + ".png", SCRIPT + ".png", LIEN + ".png")) {
            MvcResult envoi = mvc.perform(multipart("/usager/dossiers/" + id + "/pieces").file(new MockMultipartFile("fichier", nom, "image/png",
                    Terrain.png())).param("codePiece", "autre").cookie(sessionUsager).with(csrf())).andReturn();
            assertThat((String) envoi.getFlashMap().get("messageSucces")).doesNotContain("<").doesNotContain(">").doesNotContain("\"");
        }
        assertThat(jdbc.sql("select nom from piece_jointe where dossier_id = ?").param(id).query(String.class).list())
                .hasSize(3).allSatisfy(nom -> assertThat(nom).matches("[\\p{L}\\p{N} ._()-]+"));
        MvcResult refuse = mvc.perform(multipart("/usager/dossiers/" + id + "/pieces").file(new MockMultipartFile("fichier", SCRIPT + ".pdf",
                "application/pdf", ("<html>" + SCRIPT).getBytes())).cookie(sessionUsager).with(csrf())).andReturn();
        assertThat((String) refuse.getFlashMap().get("erreurPiece")).doesNotContain("<").doesNotContain(">");

        mvc.perform(post("/usager/dossiers/" + id + "/messages").cookie(sessionUsager).with(csrf()).param("message", "Usager " + CHARGE));
        mvc.perform(post("/agent/dossiers/" + id + "/actions/PRENDRE_EN_CHARGE").cookie(agent).with(csrf()));
        mvc.perform(post("/agent/dossiers/" + id + "/notes").cookie(agent).with(csrf()).param("note", "Note " + CHARGE));
        mvc.perform(post("/agent/dossiers/" + id + "/messages").cookie(agent).with(csrf()).param("message", "Agent " + CHARGE));
        mvc.perform(post("/agent/dossiers/" + id + "/actions/DEMANDER_PIECES").cookie(agent).with(csrf())
                .param("pieces", SCRIPT).param("motif", IMG + " " + LIEN));
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("ATTENTE_PIECES");

        String pageUsager = page(sessionUsager, "/usager/dossiers/" + id);
        echappe("dossier, côté usager", pageUsager);
        assertThat(pageUsager).contains("Usager X &lt;script&gt;").contains("Agent X &lt;script&gt;");
        String pageAgent = page(agent, "/agent/dossiers/" + id);
        echappe("dossier, côté agent", pageAgent);
        assertThat(pageAgent).contains("Note X &lt;script&gt;").contains("Usager X &lt;script&gt;");
        echappe("file d’attente", page(agent, "/agent/prefectures/83/file?onglet=EN_ATTENTE&q=" + numero)
                + page(agent, "/agent/prefectures/83/file?q=" + numero + "&onglet=ATTENTE_PIECES"));
        sansBalise("tableau de bord", page(agent, "/agent/prefectures/83/tableau-de-bord"));
        echappe("membres de la préfecture", page(agent, "/agent/prefectures/83/agents"));

        // The récépissé and the refusal: PDFBox reads the payload as text, so the XHTML was escaped.
        byte[] recepisse = mvc.perform(get("/usager/dossiers/" + id + "/recepisse.pdf").cookie(sessionUsager)).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(texte(recepisse)).contains(SCRIPT).contains("<img src=x onerror=alert(1)>");

        mvc.perform(post("/usager/dossiers/" + id + "/pieces-transmises").cookie(sessionUsager).with(csrf()));
        echappe("aperçu du refus", mvc.perform(post("/agent/dossiers/" + id + "/actions/REFUSER").cookie(agent).with(csrf())
                .param("motif", "Motivation " + CHARGE).param("fondements", "VIE_PRIVEE")).andReturn().getResponse().getContentAsString());
        mvc.perform(post("/agent/dossiers/" + id + "/actions/REFUSER").cookie(agent).with(csrf()).param("motif", "Motivation " + CHARGE)
                .param("fondements", "VIE_PRIVEE").param("confirme", "oui"));
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("REFUSE");
        long refus = jdbc.sql("select id from piece_jointe where dossier_id = ? and code_piece = 'refus'").param(id).query(Long.class).single();
        String lettre = texte(mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + refus).cookie(sessionUsager)).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(lettre).contains("Motivation X " + SCRIPT).contains("<img src=x onerror=alert(1)>").contains(LIEN);
        echappe("dossier refusé, côté usager", page(sessionUsager, "/usager/dossiers/" + id));
        echappe("dossier refusé, côté agent", page(agent, "/agent/dossiers/" + id));

        // The commission: a session whose place is a payload, its agenda page and PDF, and an arrêté with payload reserves.
        Map<String, Object> autres = DossiersDeTest.reponsesValides();
        autres.put("denomination", CHARGE);
        long inscrit = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", autres, null, null);
        dossiers.deposer(inscrit, usager.id(), UUID.randomUUID(), "VP");
        mvc.perform(post("/agent/dossiers/" + inscrit + "/actions/PRENDRE_EN_CHARGE").cookie(agent).with(csrf()));
        MvcResult creee = mvc.perform(post("/agent/prefectures/83/commission/seances").cookie(agent).with(csrf())
                .param("date", LocalDate.now().plusDays(25).toString()).param("heure", "09:30").param("lieu", "Salle " + CHARGE)).andReturn();
        String urlSeance = creee.getResponse().getRedirectedUrl();
        assertThat(urlSeance).startsWith("/agent/prefectures/83/commission/seances/");
        mvc.perform(post(urlSeance + "/inscriptions").cookie(agent).with(csrf()).param("dossier", String.valueOf(inscrit)));
        echappe("séance de la commission", page(agent, urlSeance));
        echappe("séances de la commission", page(agent, "/agent/prefectures/83/commission"));
        String ordreDuJour = texte(mvc.perform(get(urlSeance + "/ordre-du-jour.pdf").cookie(agent)).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(ordreDuJour).contains(SCRIPT).contains("<img src=x onerror=alert(1)>");

        long autorise = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", autres, null, null);
        dossiers.deposer(autorise, usager.id(), UUID.randomUUID(), "VP");
        for (String action : List.of("PRENDRE_EN_CHARGE", "INSCRIRE_COMMISSION")) {
            mvc.perform(post("/agent/dossiers/" + autorise + "/actions/" + action).cookie(agent).with(csrf()));
        }
        fr.gouv.guichet.support.AvisDeTest.avisRendu(mvc, agent, "83", autorise, "FAVORABLE_AVEC_RESERVES", "Réserve " + CHARGE);
        mvc.perform(post("/agent/dossiers/" + autorise + "/actions/AUTORISER").cookie(agent).with(csrf()).param("confirme", "oui"));
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(autorise).query(String.class).single()).isEqualTo("AUTORISE");
        long arrete = jdbc.sql("select id from piece_jointe where dossier_id = ? and code_piece = 'arrete'").param(autorise)
                .query(Long.class).single();
        String texteArrete = texte(mvc.perform(get("/agent/dossiers/" + autorise + "/pieces/" + arrete).cookie(agent)).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(texteArrete).contains("Réserve X " + SCRIPT).contains("<img src=x onerror=alert(1)>");
        echappe("registre", page(agent, "/agent/prefectures/83/registre"));
        echappe("liste publique des autorisations", mvc.perform(get("/prefectures/83/autorisations")).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void xss_dansLesCourriels_partieHtmlEchappee() throws Exception {
        // An administrator whose name is a payload invites an agent: the invitation quotes the inviter's name.
        String emailAdmin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        long idAdmin = agentsService.creerAvecMotDePasse(emailAdmin, CHARGE, AgentsDeTest.MOT_DE_PASSE, false);
        agentsService.rattacher(idAdmin, "29", RoleAgent.ADMINISTRATEUR);
        Cookie admin = Terrain.agent(mvc, new AgentsDeTest.Agent(idAdmin, emailAdmin));
        String invite = "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@finistere.gouv.fr";
        mvc.perform(post("/agent/prefectures/29/agents").cookie(admin).with(csrf()).param("email", invite).param("nom", CHARGE)
                .param("role", "INSTRUCTEUR"));
        echappe("membres", page(admin, "/agent/prefectures/29/agents"));
        verifierCourriel(invite, "Invitation");

        // A usager tries to change their address to a payload: refused as not deliverable, shown back escaped.
        ComptesDeTest.Compte usager = comptes.usager("83");
        Cookie session = Terrain.usager(mvc, usager);
        for (String adressePiege : List.of("\"><img/src=x/onerror=alert(1)>" + SCRIPT + "@exemple.fr", SCRIPT + "@exemple.fr",
                "x<pirate@exemple.fr>")) {
            String formulaire = mvc.perform(post("/compte/email").cookie(session).with(csrf()).param("nouvelEmail", adressePiege)
                    .param("motDePasseEmail", ComptesDeTest.MOT_DE_PASSE)).andReturn().getResponse().getContentAsString();
            sansBalise("mon compte, adresse refusée", formulaire);
            assertThat(formulaire).doesNotContain("<img/src=x/onerror=alert(1)>").contains("L’adresse électronique n’est pas valide");
            String inscription = mvc.perform(post("/inscription").with(csrf()).param("email", adressePiege)
                    .param("motDePasse", "Une phrase de passe assez longue").param("confirmation", "Une phrase de passe assez longue"))
                    .andReturn().getResponse().getContentAsString();
            sansBalise("inscription, adresse refusée", inscription);
            assertThat(inscription).contains("L’adresse électronique n’est pas valide");
        }
        assertThat(jdbc.sql("select count(*) from jeton_compte where usager_id = ?").param(usager.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from usager where email like '%<%' or email like '%\"%'").query(Integer.class).single()).isZero();
        // An address that did get in (an import, a future identity provider) is still shown as text.
        String importee = SCRIPT + "@exemple.fr";
        long id = jdbc.sql("insert into usager (email, mot_de_passe, active, active_le, code_departement) values (?, ?, true, now(), '83') returning id")
                .params(importee, encodeur.encode(ComptesDeTest.MOT_DE_PASSE)).query(Long.class).single();
        echappeScript("mon compte, adresse importée", page(Terrain.usager(mvc, new ComptesDeTest.Compte(id, importee)), "/compte"));
    }

    static void echappeScript(String ou, String html) {
        sansBalise(ou, html);
        assertThat(html).as(ou).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    void verifierCourriel(String destinataire, String sujet) throws Exception {
        new BoiteCourriels(greenMail).attendre(destinataire, sujet);
        MimeMessage message = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(destinataire) && m.getSubject().contains(sujet)) {
                message = m;
            }
        }
        assertThat(message).isNotNull();
        List<String> html = new ArrayList<>();
        List<String> texte = new ArrayList<>();
        parties(message, html, texte);
        assertThat(html).as("partie HTML").hasSize(1);
        assertThat(texte).as("partie texte").hasSize(1);
        assertThat(html.getFirst()).doesNotContain(SCRIPT).doesNotContain("<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // Plain text is not interpreted by mail clients: the payload is shown as typed.
        assertThat(texte.getFirst()).contains(SCRIPT);
    }

    static void parties(Part part, List<String> html, List<String> texte) throws Exception {
        if (part.isMimeType("text/html")) {
            html.add((String) part.getContent());
        } else if (part.isMimeType("text/plain")) {
            texte.add((String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                parties(multipart.getBodyPart(i), html, texte);
            }
        }
    }

    @Test
    void xss_refletee_parLesParametres_estEchappee() throws Exception {
        // Sign-in pages send the typed address back.
        for (String connexion : List.of("/connexion", "/agent/connexion")) {
            MvcResult echec = mvc.perform(post(connexion).with(csrf()).with(ip()).param("email", IMG + SCRIPT).param("motDePasse", "x"))
                    .andReturn();
            assertThat(echec.getResponse().getRedirectedUrl()).isEqualTo(connexion);
            String html = mvc.perform(get(connexion).cookie(echec.getResponse().getCookie("GUICHET_SESSION"))).andReturn()
                    .getResponse().getContentAsString();
            echappe(connexion + " (adresse saisie renvoyée)", html);
        }
        sansBalise("vérification publique", mvc.perform(get("/verifier/{code}", CHARGE)).andReturn().getResponse().getContentAsString());
        sansBalise("inscription", mvc.perform(post("/inscription").with(csrf()).param("email", IMG + SCRIPT).param("motDePasse", "x")
                .param("confirmation", "y")).andReturn().getResponse().getContentAsString());
        sansBalise("invitation", mvc.perform(get("/agent/invitation").param("jeton", CHARGE)).andReturn().getResponse().getContentAsString());
        sansBalise("réinitialisation", mvc.perform(get("/mot-de-passe/reinitialiser").param("jeton", CHARGE)).andReturn().getResponse()
                .getContentAsString());

        ComptesDeTest.Compte usager = comptes.usager("83");
        Cookie session = Terrain.usager(mvc, usager);
        echappe("référence d’autorisation", mvc.perform(post("/usager/videoprotection/reference").cookie(session).with(csrf())
                .param("numero", CHARGE).param("dateArrete", CHARGE)).andReturn().getResponse().getContentAsString());

        Cookie agent = Terrain.agent(mvc, agents.agent("83", RoleAgent.INSTRUCTEUR));
        String file = mvc.perform(get("/agent/prefectures/83/file").cookie(agent).param("q", CHARGE).param("commune", CHARGE)
                .param("du", CHARGE).param("demarche", CHARGE).param("onglet", CHARGE).param("apres", CHARGE)).andReturn()
                .getResponse().getContentAsString();
        echappe("file d’attente filtrée", file);
        Cookie admin = Terrain.agent(mvc, agents.agent("83", RoleAgent.ADMINISTRATEUR));
        MvcResult seance = mvc.perform(post("/agent/prefectures/83/commission/seances").cookie(admin).with(csrf())
                .param("date", CHARGE).param("heure", CHARGE).param("lieu", CHARGE)).andReturn();
        echappe("séance invalide", seance.getResponse().getContentAsString());
    }

    /** Failed sign-ins come from an address of their own, so that they throttle nobody else's tests. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor ip() {
        String adresse = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        return r -> {
            r.setRemoteAddr(adresse);
            return r;
        };
    }
}
