package fr.gouv.guichet.permis.internal;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.fauxservices.Pannes;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersPermisDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, point 10: the CERT de Bordeaux instructs a title request — checks against the demonstration services,
 * validation, production requested through the outbox, shipping followed by the scheduled task — and the usager is
 * told each step; the production service down loses nothing; a refusal states the recourse routes.
 */
@TestGuichet
class InstructionCertIntegrationTest {

    static final String CERT = "cert-permis-bordeaux";

    @Autowired
    MockMvc mvc;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    ServiceTimbres timbres;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agents;
    @Autowired
    GreenMail greenMail;
    @Autowired
    ServicesExternesEmbarques embarques;

    @AfterEach
    void reparer() {
        embarques.serveur().pannes().reparer();
    }

    @Test
    void leCert_controle_valide_leTitreEstFabriquePuisExpedie_lUsagerSuitChaqueEtape() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("33");
        long id = new DossiersPermisDeTest(dossiers, timbres).deposerAvecTimbre(usager.id(), "33");
        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent(CERT, RoleAgent.INSTRUCTEUR));

        mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Contrôles du permis de conduire")))
                .andExpect(content().string(containsString("Camille DUPONT, né(e) le 12 avril 2001 : catégorie B le 15 septembre 2025.")))
                .andExpect(content().string(containsString("Photo et signature récupérées pour le code DEMOEPHOTOVALIDE000001")))
                .andExpect(content().string(containsString("de 25 € consommé")))
                .andExpect(content().string(containsString("NEPH 2506 83 01 0042")))
                .andExpect(content().string(containsString("Aucune pièce d’identité jointe")))
                .andExpect(content().string(containsString("data:image/jpeg;base64,")));

        agir(agent, id, "PRENDRE_EN_CHARGE", "");
        agir(agent, id, "VALIDER", "");
        attendre(() -> etat(id).equals("EXPEDIE"), "titre commandé puis expédié (demande par l’outbox, suivi par la tâche)");

        Fabrication f = jdbc.sql("select dossier_id from permis_fabrication where dossier_id = ?").param(id).query(Long.class)
                .optional().flatMap(x -> new FabricationsRepository(jdbc).de(x)).orElseThrow();
        assertThat(f.numeroCommande()).startsWith("CMD-");
        assertThat(f.numeroSuivi()).startsWith("8R");
        assertThat(f.derniereErreur()).isNull();
        assertThat(instruction.transitions(id)).extracting(t -> t.vers().code())
                .containsSubsequence("DEPOSE", "EN_INSTRUCTION", "VALIDE", "EN_PRODUCTION", "EXPEDIE");
        assertThat(embarques.serveur().clesIdempotence(Service.PRODUCTION)).as("la commande part avec une clé d’idempotence")
                .isNotEmpty().allMatch(c -> !c.isBlank());

        BoiteCourriels boite = new BoiteCourriels(greenMail);
        assertThat(boite.attendre(usager.email(), "demande validée").texte()).contains("titre va être fabriqué");
        // Sent by the outbox listener of the instance that recorded the step (ADR 0026: a paused test context, like a
        // closing instance, no longer runs the shared tasks; FabricationDeuxInstancesIntegrationTest: another instance).
        assertThat(boite.attendre(usager.email(), "titre en fabrication").texte()).contains("commande n° " + f.numeroCommande())
                .contains("fabrication prévue le");
        assertThat(boite.attendre(usager.email(), "titre expédié").texte()).contains("envoi suivi n° " + f.numeroSuivi())
                .contains("livraison prévue le");
        assertThat(courrielsEnvoyes(id, "EN_PRODUCTION")).as("envoi unique enregistré").isEqualTo(1);
        assertThat(courrielsEnvoyes(id, "EXPEDIE")).as("envoi unique enregistré").isEqualTo(1);

        Cookie session = ConnexionsHttp.usager(mvc, usager);
        mvc.perform(get("/usager/dossiers/" + id).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Titre mis en fabrication : commande n° " + f.numeroCommande())))
                .andExpect(content().string(containsString("Titre expédié : envoi suivi n° " + f.numeroSuivi())))
                .andExpect(content().string(containsString("livraison prévue le")));
        mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("envoi suivi n° " + f.numeroSuivi())));
    }

    @Test
    void serviceDeFabricationEnPanne_messageClairALAgent_rienNEstPerdu_reprise() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = new DossiersPermisDeTest(dossiers, timbres).deposerAvecTimbre(usager.id(), "83");
        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent(CERT, RoleAgent.INSTRUCTEUR));
        agir(agent, id, "PRENDRE_EN_CHARGE", "");

        embarques.serveur().pannes().programmer(Service.PRODUCTION, Pannes.Mode.INDISPONIBLE, 3);
        agir(agent, id, "VALIDER", "");
        attendre(() -> new FabricationsRepository(jdbc).de(id).map(f -> f.derniereErreur() != null || f.commandee()).orElse(false),
                "première tentative faite");
        Fabrication enPanne = new FabricationsRepository(jdbc).de(id).orElseThrow();
        assertThat(enPanne.commandee()).as("les 3 requêtes de la première tentative ont échoué").isFalse();
        assertThat(etat(id)).as("la validation reste acquise").isEqualTo("VALIDE");
        mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Le service de fabrication des titres ne répond pas. La demande est conservée")));

        attendre(() -> etat(id).equals("EN_PRODUCTION") || etat(id).equals("EXPEDIE"), "reprise par la tâche, service réparé");
        assertThat(new FabricationsRepository(jdbc).de(id).orElseThrow().derniereErreur()).isNull();
        assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'EN_PRODUCTION'").param(id)
                .query(Long.class).single()).as("une seule mise en fabrication").isEqualTo(1);
    }

    @Test
    void unRefusMotive_decisionPdfUaQuiNEnonceQueLEnregistre_telechargeeParLUsagerEtLAgent_jointeAuCourriel() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("33");
        Map<String, Object> reponses = DossiersPermisDeTest.reponses();
        reponses.put("categorie_obtenue", "A2");
        long id = new DossiersPermisDeTest(dossiers, timbres).deposer(usager.id(), "33", reponses);
        AgentsDeTest.Agent instructeur = new AgentsDeTest(agents).agent(CERT, RoleAgent.INSTRUCTEUR);
        Cookie agent = ConnexionsHttp.agent(mvc, instructeur);

        mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("la catégorie A2 demandée n’est pas réussie")))
                .andExpect(content().string(containsString("Aucun timbre dans cette demande.")));
        agir(agent, id, "REFUSER", "trop court");
        assertThat(etat(id)).as("refus non motivé refusé").isEqualTo("DEPOSE");
        String motif = "Le résultat d’examen ne mentionne aucune réussite en catégorie A2 (refus " + id + ").";
        agir(agent, id, "REFUSER", motif);
        assertThat(etat(id)).isEqualTo(CyclePermis.REFUSE.code());

        attendre(() -> instruction.pieces(id).stream().anyMatch(p -> p.codePiece().equals(CyclePermis.PIECE_DECISION_REFUS)),
                "décision de refus rendue et jointe au dossier");
        assertThat(instruction.pieces(id)).as("une seule décision, aucun acte de vidéoprotection")
                .extracting(p -> p.codePiece()).containsExactly(CyclePermis.PIECE_DECISION_REFUS);
        var piece = instruction.pieces(id).getFirst();
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        mvc.perform(get("/usager/dossiers/" + id).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/usager/dossiers/" + id + "/pieces/" + piece.id())));
        byte[] pdf = mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + piece.id()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] pdfAgent = mvc.perform(get("/agent/dossiers/" + id + "/pieces/" + piece.id()).cookie(agent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfAgent).isEqualTo(pdf);

        String texte;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            texte = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        var service = jdbc.sql("select adresse, telephone, courriel from service_instructeur where code = ?").param(CERT)
                .query((rs, i) -> List.of(rs.getString(1).lines().findFirst().orElseThrow(), rs.getString(2), rs.getString(3))).single();
        String numero = instruction.pourInstruction(id).orElseThrow().numero();
        assertThat(texte).as("ce qui est enregistré : motif saisi, numéro, service et ses coordonnées, signataire, recours")
                .contains(motif).contains(numero).contains("CERT permis de conduire de Bordeaux")
                .contains(service.get(0)).contains(service.get(1)).contains(service.get(2))
                .contains("Camille DUPONT").contains("33000 Bordeaux")
                .contains("deux mois").contains("tribunal administratif").contains("recours gracieux")
                .contains(signataireAttendu(instructeur));
        assertThat(texte).as("rien d’inventé : pas de texte de vidéoprotection").doesNotContain("vidéoprotection").doesNotContain("commission");
        fr.gouv.guichet.document.PdfUaTest.initialiserVeraPdf();
        assertThat(fr.gouv.guichet.document.PdfUaTest.echecsPdfUa1(pdf)).as("PDF/UA-1").isEmpty();

        var courriel = new BoiteCourriels(greenMail).attendre(usager.email(), "décision de refus");
        assertThat(courriel.texte()).contains("deux mois").contains("tribunal administratif").contains("recours gracieux");
        Cookie intrus = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("33"));
        mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + piece.id()).cookie(intrus)).andExpect(status().isNotFound());
        Cookie autreCert = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("cert-permis-lyon", RoleAgent.INSTRUCTEUR));
        mvc.perform(get("/agent/dossiers/" + id + "/pieces/" + piece.id()).cookie(autreCert)).andExpect(status().isNotFound());
        mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Commande n°"))));
    }

    /** The service's recorded signatory when it has one, otherwise the agent who recorded the refusal. */
    private String signataireAttendu(AgentsDeTest.Agent instructeur) {
        String signataire = jdbc.sql("""
                        select case when signataire_qualite = '' then '' else trim(signataire_prenom || ' ' || signataire_nom) end
                        from service_instructeur where code = ?""")
                .param(CERT).query(String.class).single();
        return signataire.isBlank() ? jdbc.sql("select nom from agent where id = ?").param(instructeur.id()).query(String.class).single()
                : signataire;
    }

    private void agir(Cookie agent, long id, String transition, String motif) throws Exception {
        FabricationDeTest.agir(mvc, agent, id, transition, motif);
    }

    private String etat(long id) {
        return FabricationDeTest.etat(jdbc, id);
    }

    private int courrielsEnvoyes(long id, String vers) {
        return FabricationDeTest.courrielsEnvoyes(jdbc, id, vers);
    }

    private static void attendre(BooleanSupplier condition, String quoi) throws InterruptedException {
        FabricationDeTest.attendre(condition, quoi);
    }
}
