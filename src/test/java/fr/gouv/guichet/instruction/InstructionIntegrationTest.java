package fr.gouv.guichet.instruction;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The back office through HTTP: the queue, the actions, and every attempt to cross a préfecture's walls. */
@TestGuichet
class InstructionIntegrationTest {

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

    Cookie agent(AgentsDeTest.Agent agent) throws Exception {
        return fr.gouv.guichet.support.ConnexionsHttp.agent(mvc, agent);
    }

    Cookie usager(ComptesDeTest.Compte compte) throws Exception {
        return fr.gouv.guichet.support.ConnexionsHttp.usager(mvc, compte);
    }

    long depose(ComptesDeTest.Compte compte, String departement, Map<String, Object> reponses) {
        long id = dossiers.creerBrouillon(compte.id(), departement, "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);
        dossiers.deposer(id, compte.id(), UUID.randomUUID(), "VP");
        return id;
    }

    @Test
    void unAgentDUneAutrePrefecture_etUnUsager_sontRefusesPartout() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        long id = depose(titulaire, "83", DossiersDeTest.reponsesValides());
        mvc.perform(multipart("/usager/dossiers/" + id + "/pieces").file(new MockMultipartFile("fichier", "a.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes())).cookie(usager(titulaire)).with(csrf()));
        long piece = jdbc.sql("select coalesce(max(id), 0) from piece_jointe where dossier_id = ?").param(id).query(Long.class).single();

        Cookie agent75 = agent(agents.agent("75", RoleAgent.ADMINISTRATEUR));
        Cookie usagerIntrus = usager(comptes.usager("83"));
        List<String> lectures = List.of("/agent/dossiers/" + id, "/agent/dossiers/" + id + "/pieces/" + piece,
                "/agent/dossiers/" + id + "/pieces.zip", "/agent/prefectures/83/file", "/agent/prefectures/83/file.csv");
        for (String url : lectures) {
            mvc.perform(get(url).cookie(agent75)).andExpect(status().isNotFound());
            mvc.perform(get(url).cookie(usagerIntrus)).andExpect(status().isForbidden());
            mvc.perform(get(url)).andExpect(redirectedUrl("/agent/connexion"));
        }
        // Another service's pages answer 404, as if they did not exist (agents pages too, since the services).
        mvc.perform(get("/agent/prefectures/83/agents").cookie(agent75)).andExpect(status().isNotFound());
        for (String action : List.of("/agent/dossiers/" + id + "/actions/PRENDRE_EN_CHARGE", "/agent/dossiers/" + id + "/messages",
                "/agent/dossiers/" + id + "/notes", "/agent/dossiers/" + id + "/priorite")) {
            mvc.perform(post(action).cookie(agent75).with(csrf()).param("message", "x").param("note", "x").param("prioritaire", "true"))
                    .andExpect(status().isNotFound());
            mvc.perform(post(action).cookie(usagerIntrus).with(csrf()).param("message", "x")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/agent/prefectures/83/agents").cookie(agent75).with(csrf()).param("email", "pirate@exemple.fr")
                .param("nom", "Pirate").param("role", "ADMINISTRATEUR")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("DEPOSE");
        assertThat(jdbc.sql("select prioritaire from dossier where id = ?").param(id).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from note_agent where dossier_id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from agent where email = 'pirate@exemple.fr'").query(Integer.class).single()).isZero();
    }

    @Test
    void fileAttente_prioritairesDAbord_puisLesPlusAnciens_paginationParCle_etExportCsv() throws Exception {
        String dep = "48";
        ComptesDeTest.Compte usager = comptes.usager(dep);
        Map<String, Object> reponses = DossiersDeTest.reponsesValides();
        reponses.put("systeme_code_postal", "48000");
        for (int i = 0; i < 55; i++) {
            reponses.put("denomination", "=Commerce " + i);
            long id = depose(usager, dep, reponses);
            jdbc.sql("update dossier set depose_le = now() - make_interval(days => ?) where id = ?").params(100 - i, id).update();
        }
        long prioritaire = jdbc.sql("select id from dossier where code_departement = ? order by depose_le desc limit 1").param(dep)
                .query(Long.class).single();
        instruction.definirPriorite(prioritaire, true);
        Cookie session = agent(agents.agent(dep, RoleAgent.INSTRUCTEUR));

        String page1 = mvc.perform(get("/agent/prefectures/" + dep + "/file").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> numeros = numeros(page1);
        assertThat(numeros).hasSize(50);
        String numeroPrioritaire = jdbc.sql("select numero from dossier where id = ?").param(prioritaire).query(String.class).single();
        assertThat(numeros.getFirst()).isEqualTo(numeroPrioritaire);
        List<String> attendus = jdbc.sql("select numero from dossier where code_departement = ? and onglet = 'A_TRAITER' order by (not prioritaire), depose_le, id")
                .param(dep).query(String.class).list();
        assertThat(numeros).isEqualTo(attendus.subList(0, 50));
        assertThat(page1).contains("Délai cible dépassé");

        Matcher suivante = Pattern.compile("apres=([A-Za-z0-9_-]+)").matcher(page1);
        assertThat(suivante.find()).isTrue();
        String page2 = mvc.perform(get("/agent/prefectures/" + dep + "/file").param("apres", suivante.group(1)).cookie(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(numeros(page2)).isEqualTo(attendus.subList(50, 55));

        String recherche = mvc.perform(get("/agent/prefectures/" + dep + "/file").param("q", "Commerce 7").cookie(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(numeros(recherche)).hasSize(1);
        // A number searched from another tab is still found: the page says in which tab it is.
        String autreOnglet = mvc.perform(get("/agent/prefectures/" + dep + "/file").param("onglet", "DECIDES")
                .param("q", numeroPrioritaire).cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(numeros(autreOnglet)).isEmpty();
        assertThat(autreOnglet).contains("Aucun dossier dans l’onglet « Décidés » pour ces critères.")
                .contains("1 dossier dans l’onglet « À traiter »").doesNotContain("dans aucun onglet");
        String injection = mvc.perform(get("/agent/prefectures/" + dep + "/file").param("q", "' or 1=1 --").param("commune", "x' or '1'='1")
                .cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(numeros(injection)).isEmpty();

        String csv = mvc.perform(get("/agent/prefectures/" + dep + "/file.csv").param("priorite", "non").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(55);
        assertThat(csv).contains("\"'=Commerce 3\"").doesNotContain(numeroPrioritaire);

        // Cells prepared in Java (issue 18) are still escaped by the template; links keep the filter, encoded.
        jdbc.sql("update dossier set reponses = jsonb_set(reponses, '{denomination}', to_jsonb(?::text)) where id = ?")
                .params("<script>alert(1)</script> & Cie", prioritaire).update();
        String echappee = mvc.perform(get("/agent/prefectures/" + dep + "/file").param("q", "a&b é\"<").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(echappee).contains("q=a%26b%20%C3%A9%22%3C&amp;nouveaux=&amp;departement=\"").doesNotContain("é\"<");
        String premiere = mvc.perform(get("/agent/prefectures/" + dep + "/file").cookie(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(premiere).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie").doesNotContain("<script>alert(1)")
                .contains("href=\"/agent/dossiers/" + prioritaire + "\"");
    }

    @Test
    void instruction_deLaPriseEnChargeALAutorisation_avecDemandeDePieces_etTransitionsIllegalesRefusees() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        long id = depose(titulaire, "83", DossiersDeTest.reponsesValides());
        Cookie agent = agent(agents.agent("83", RoleAgent.INSTRUCTEUR));
        BoiteCourriels boite = new BoiteCourriels(greenMail);

        MvcResult illegal = mvc.perform(post("/agent/dossiers/" + id + "/actions/AUTORISER").cookie(agent).with(csrf())).andReturn();
        assertThat(illegal.getFlashMap().get("erreurAction")).asString().contains("n’est plus possible");
        assertThat(etat(id)).isEqualTo("DEPOSE");

        mvc.perform(post("/agent/dossiers/" + id + "/actions/PRENDRE_EN_CHARGE").cookie(agent).with(csrf()))
                .andExpect(redirectedUrl("/agent/dossiers/" + id));
        assertThat(etat(id)).isEqualTo("EN_INSTRUCTION");
        MvcResult sansListe = mvc.perform(post("/agent/dossiers/" + id + "/actions/DEMANDER_PIECES").cookie(agent).with(csrf())).andReturn();
        assertThat(sansListe.getFlashMap().get("erreurAction")).asString().contains("pièces manquantes");
        mvc.perform(post("/agent/dossiers/" + id + "/actions/DEMANDER_PIECES").cookie(agent).with(csrf())
                .param("pieces", "Plan de détail").param("motif", "Photos des caméras extérieures"));
        assertThat(etat(id)).isEqualTo("ATTENTE_PIECES");
        assertThat(boite.attendre(titulaire.email(), "pièces complémentaires").texte())
                .contains("Nouveau statut de votre dossier", "« À compléter »").doesNotContain("a avancé");

        Cookie usager = usager(titulaire);
        String pageUsager = mvc.perform(get("/usager/dossiers/" + id).cookie(usager)).andReturn().getResponse().getContentAsString();
        assertThat(pageUsager).contains("Plan de détail ; Photos des caméras extérieures");
        mvc.perform(post("/agent/dossiers/" + id + "/notes").cookie(agent).with(csrf()).param("note", "Note interne confidentielle"));
        assertThat(mvc.perform(get("/usager/dossiers/" + id).cookie(usager)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Note interne confidentielle");
        assertThat(mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andReturn().getResponse().getContentAsString())
                .contains("Délai de rejet implicite suspendu");
        jdbc.sql("update dossier set complet_le = now() - interval '20 days' where id = ?").param(id).update();
        mvc.perform(post("/usager/dossiers/" + id + "/pieces-transmises").cookie(usager).with(csrf()));
        assertThat(etat(id)).isEqualTo("EN_INSTRUCTION");
        assertThat(jdbc.sql("select complet_le < now() - interval '19 days' from dossier where id = ?").param(id).query(Boolean.class).single())
                .as("le délai de 4 mois est suspendu pendant la demande (le jour même : 0 jour), pas remis à zéro (L114-5)").isTrue();

        mvc.perform(post("/agent/dossiers/" + id + "/messages").cookie(agent).with(csrf()).param("message", "Merci, dossier complet."));
        boite.attendre(titulaire.email(), "Nouveau message");
        mvc.perform(post("/agent/dossiers/" + id + "/actions/INSCRIRE_COMMISSION").cookie(agent).with(csrf()));
        MvcResult sansAvis = mvc.perform(post("/agent/dossiers/" + id + "/actions/AUTORISER").cookie(agent).with(csrf())).andReturn();
        assertThat(sansAvis.getFlashMap().get("erreurAction")).asString().contains("avis de la commission");
        assertThat(etat(id)).isEqualTo("ATTENTE_AVIS_COMMISSION");
        fr.gouv.guichet.support.AvisDeTest.avisRendu(mvc, agent, "83", id, "FAVORABLE_AVEC_RESERVES", "Masquer les fenêtres des riverains");
        mvc.perform(post("/agent/dossiers/" + id + "/actions/AUTORISER").cookie(agent).with(csrf()).param("confirme", "oui"));
        assertThat(etat(id)).isEqualTo("AUTORISE");
        boite.attendre(titulaire.email(), "décision d’autorisation");
        jakarta.mail.internet.MimeMessage decision = java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains("décision d’autorisation") && m.getAllRecipients()[0].toString().equals(titulaire.email());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(new String(fr.gouv.guichet.demarche.DossierUsagerIntegrationTest.pieceJointe(decision), 0, 5)).isEqualTo("%PDF-");

        // The arrêté: attached to the dossier (the usager downloads it), verifiable, in the register and the public list.
        long arrete = jdbc.sql("select id from piece_jointe where dossier_id = ? and code_piece = 'arrete'").param(id).query(Long.class).single();
        byte[] pdf = mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + arrete).cookie(usager)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String texte = fr.gouv.guichet.demarche.DossierUsagerIntegrationTest.texte(pdf);
        assertThat(texte).contains("Boulangerie du Port").contains("Masquer les fenêtres des riverains").contains("cinq ans");
        String code = jdbc.sql("select code from document_emis where dossier_id = ? and type = 'ARRETE'").param(id).query(String.class).single();
        assertThat(mvc.perform(get("/verifier/" + code)).andReturn().getResponse().getContentAsString()).contains("Arrêté préfectoral d’autorisation");
        assertThat(mvc.perform(get("/prefectures/83/autorisations")).andReturn().getResponse().getContentAsString()).contains("Boulangerie du Port");
        assertThat(mvc.perform(get("/agent/prefectures/83/registre").cookie(agent)).andReturn().getResponse().getContentAsString())
                .contains(jdbc.sql("select numero_arrete from autorisation where dossier_id = ?").param(id).query(String.class).single());

        List<String> parcours = jdbc.sql("select coalesce(de, '') || '>' || vers from dossier_transition where dossier_id = ? order by id")
                .param(id).query(String.class).list();
        assertThat(parcours).containsExactly(">BROUILLON", "BROUILLON>DEPOSE", "DEPOSE>EN_INSTRUCTION", "EN_INSTRUCTION>ATTENTE_PIECES",
                "ATTENTE_PIECES>EN_INSTRUCTION", "EN_INSTRUCTION>ATTENTE_AVIS_COMMISSION", "ATTENTE_AVIS_COMMISSION>AUTORISE");
        mvc.perform(post("/usager/dossiers/" + id + "/messages").cookie(usager).with(csrf()).param("message", "après décision"));
        assertThat(jdbc.sql("select count(*) from dossier_message where dossier_id = ? and texte = 'après décision'").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void administrateurDePrefecture_inviteUnAgent_quiChoisitSonMotDePasse_puisLeDesactive() throws Exception {
        Cookie admin = agent(agents.agent("29", RoleAgent.ADMINISTRATEUR));
        String email = "nouvel-agent-" + UUID.randomUUID().toString().substring(0, 6) + "@finistere.gouv.fr";
        mvc.perform(post("/agent/prefectures/29/agents").cookie(admin).with(csrf()).param("email", email).param("nom", "Nouvel Agent")
                .param("role", "INSTRUCTEUR")).andExpect(redirectedUrl("/agent/services/29/agents"));
        String lien = new BoiteCourriels(greenMail).attendre(email, "Invitation").lien();
        String jeton = lien.substring(lien.indexOf("jeton=") + 6);
        mvc.perform(post("/agent/invitation").with(csrf()).param("jeton", jeton).param("motDePasse", "Nouveau mot de passe agent")
                .param("confirmation", "Nouveau mot de passe agent")).andExpect(redirectedUrl("/agent/connexion"));
        MvcResult connexion = mvc.perform(post("/agent/connexion").with(csrf()).param("email", email)
                .param("motDePasse", "Nouveau mot de passe agent")).andReturn();
        assertThat(connexion.getResponse().getRedirectedUrl()).isEqualTo("/agent");
        Cookie nouvel = connexion.getResponse().getCookie("GUICHET_SESSION");
        mvc.perform(get("/agent/prefectures/29/file").cookie(nouvel)).andExpect(status().isOk());
        mvc.perform(get("/agent/prefectures/29/agents").cookie(nouvel)).andExpect(status().isNotFound());

        long idNouvel = jdbc.sql("select id from agent where email = ?").param(email).query(Long.class).single();
        mvc.perform(post("/agent/prefectures/29/agents/" + idNouvel + "/desactivation").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/agent/services/29/agents"));
        // Sa session est supprimée avec la désactivation (ADR 0029) : retour à la connexion, qui le refuse.
        mvc.perform(get("/agent/prefectures/29/file").cookie(nouvel)).andExpect(redirectedUrl("/agent/connexion"));
        assertThat(mvc.perform(post("/agent/connexion").with(csrf()).param("email", email)
                .param("motDePasse", "Nouveau mot de passe agent")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/agent/connexion");
    }

    @Test
    void autorisationProvisoire_reserveeAuxSitesPrioritaires_auPlusQuatreMois_puisRefusMotive() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        Map<String, Object> reponses = DossiersDeTest.reponsesValides();
        reponses.put("finalites", List.of("prevention_terrorisme"));
        long id = depose(titulaire, "83", reponses);
        Cookie agent = agent(agents.agent("83", RoleAgent.INSTRUCTEUR));
        mvc.perform(post("/agent/dossiers/" + id + "/actions/PRENDRE_EN_CHARGE").cookie(agent).with(csrf()));
        assertThat(mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andReturn().getResponse().getContentAsString())
                .contains("prévention d’actes terroristes");
        MvcResult nonPrioritaire = mvc.perform(post("/agent/dossiers/" + id + "/actions/AUTORISER_PROVISOIREMENT").cookie(agent).with(csrf())).andReturn();
        assertThat(nonPrioritaire.getFlashMap().get("erreurAction")).asString().contains("réservée aux sites exposés");
        mvc.perform(post("/agent/dossiers/" + id + "/priorite").cookie(agent).with(csrf()).param("prioritaire", "true"));
        MvcResult tropLong = mvc.perform(post("/agent/dossiers/" + id + "/actions/AUTORISER_PROVISOIREMENT").cookie(agent).with(csrf())
                .param("finProvisoire", java.time.LocalDate.now().plusMonths(5).toString())).andReturn();
        assertThat(tropLong.getFlashMap().get("erreurAction")).asString().contains("4 mois au plus");
        mvc.perform(post("/agent/dossiers/" + id + "/actions/AUTORISER_PROVISOIREMENT").cookie(agent).with(csrf()));
        assertThat(etat(id)).isEqualTo("AUTORISE_PROVISOIREMENT");
        assertThat(jdbc.sql("select provisoire from autorisation where dossier_id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select expire_le from autorisation where dossier_id = ?").param(id).query(java.sql.Date.class).single().toLocalDate())
                .isEqualTo(java.time.LocalDate.now().plusMonths(4));
        // To the secretariat of the dossier's service instructeur, at the address its administrator recorded.
        String secretariat = jdbc.sql("select s.courriel from dossier d join service_instructeur s on s.code = d.service where d.id = ?")
                .param(id).query(String.class).single();
        new BoiteCourriels(greenMail).attendre(secretariat, "Autorisation provisoire");
        // Sent from the outbox (published in the decision's transaction), once, as one message for the mailbox.
        List<String> identifiants = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getSubject().contains("Autorisation provisoire") && m.getSubject().contains(numero(id))) {
                identifiants.add(m.getMessageID());
            }
        }
        assertThat(identifiants).containsExactly("<president-informe." + numero(id) + "." + java.time.LocalDate.now().plusMonths(4)
                + "@guichet.interieur.gouv.fr>");
        // Still in the queue until the commission's opinion and the final decision.
        assertThat(mvc.perform(get("/agent/prefectures/83/file").param("onglet", "EN_INSTRUCTION").param("q", numero(id)).cookie(agent))
                .andReturn().getResponse().getContentAsString()).contains(numero(id));

        mvc.perform(post("/agent/dossiers/" + id + "/actions/REFUSER").cookie(agent).with(csrf()).param("motif", "trop court")
                .param("fondements", "VIE_PRIVEE").param("confirme", "oui"));
        assertThat(etat(id)).isEqualTo("AUTORISE_PROVISOIREMENT");
        mvc.perform(post("/agent/dossiers/" + id + "/actions/REFUSER").cookie(agent).with(csrf())
                .param("motif", "Les caméras filment l’intérieur des habitations voisines <script>alert(1)</script>").param("fondements", "VIE_PRIVEE").param("confirme", "oui"));
        assertThat(etat(id)).isEqualTo("REFUSE");
        long refus = jdbc.sql("select id from piece_jointe where dossier_id = ? and code_piece = 'refus'").param(id).query(Long.class).single();
        byte[] pdf = mvc.perform(get("/agent/dossiers/" + id + "/pieces/" + refus).cookie(agent)).andReturn().getResponse().getContentAsByteArray();
        assertThat(fr.gouv.guichet.demarche.DossierUsagerIntegrationTest.texte(pdf))
                .contains("habitations voisines <script>alert(1)</script>").contains("tribunal administratif");
    }

    @Test
    void rappelsDeRenouvellement_sixEtCinqMoisAvant_uneSeuleFoisChacun() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        long id = depose(titulaire, "83", DossiersDeTest.reponsesValides());
        jdbc.sql("update dossier set etat = 'AUTORISE' where id = ?").param(id).update();
        jdbc.sql("""
                insert into autorisation (dossier_id, code_departement, numero_arrete, date_arrete, expire_le, titulaire, commune, adresse, nombre_cameras)
                values (?, '83', ?, (now() at time zone 'Europe/Paris')::date - interval '54 months', (now() at time zone 'Europe/Paris')::date + interval '6 months' - interval '3 days', 'Boulangerie', 'Toulon', 'quai', 4)""")
                .params(id, "TEST-" + id).update();
        assertThat(rappels.envoyer()).isGreaterThanOrEqualTo(1);
        new BoiteCourriels(greenMail).attendre(titulaire.email(), "expire le");
        int deja = rappels.envoyer();
        assertThat(new BoiteCourriels(greenMail).pour(titulaire.email()).stream().filter(r -> r.sujet().contains("expire le")).count()).isEqualTo(1);
        jdbc.sql("update autorisation set expire_le = (now() at time zone 'Europe/Paris')::date + interval '5 months' - interval '3 days' where dossier_id = ?").param(id).update();
        rappels.envoyer();
        new BoiteCourriels(greenMail).attendre(titulaire.email(), "expire le", 2);
        assertThat(deja).isGreaterThanOrEqualTo(0);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'rappels-renouvellement'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void tableauDeBord_etListePublique() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("2A");
        Map<String, Object> reponses = DossiersDeTest.reponsesValides();
        reponses.put("systeme_code_postal", "20000");
        long id = depose(titulaire, "2A", reponses);
        instruction.definirPriorite(id, true);
        Cookie agent = agent(agents.agent("2A", RoleAgent.INSTRUCTEUR));
        String page = mvc.perform(get("/agent/prefectures/2A/tableau-de-bord").cookie(agent)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Dossiers par état").contains(numero(id)).contains("Dépôts et décisions par mois");
        mvc.perform(get("/prefectures/99/autorisations")).andExpect(status().isNotFound());
    }

    @Autowired
    fr.gouv.guichet.instruction.internal.RappelsRenouvellement.Envoi rappels;
    private String numero(long id) {
        return jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
    }

    private String etat(long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    private static List<String> numeros(String html) {
        Matcher m = Pattern.compile(">(VP-\\d{3}-\\d{4}-\\d{6}-[A-Z])</a>").matcher(html);
        List<String> numeros = new java.util.ArrayList<>();
        while (m.find()) {
            numeros.add(m.group(1));
        }
        return numeros;
    }
}
