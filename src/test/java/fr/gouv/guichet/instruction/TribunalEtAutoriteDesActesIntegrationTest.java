package fr.gouv.guichet.instruction;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.support.ValidateurHtml;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11, point 5: every act names the competent tribunal administratif with its address (a table the national
 * administrator keeps, a change being in the next act), and the right authority signs: the préfet de police for Paris
 * and its airports (R252-1), the préfet de police des Bouches-du-Rhône in the Bouches-du-Rhône.
 */
@TestGuichet
class TribunalEtAutoriteDesActesIntegrationTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final MockMvc mvc;
    final JdbcClient jdbc;
    final StockageFichiers stockage;
    final Agents agentsService;
    final AgentsDeTest agents;
    /** Its helpers put a dossier in instruction and hold the commission's sessions. */
    final ActesJuridiquesIntegrationTest actes;

    @Autowired
    TribunalEtAutoriteDesActesIntegrationTest(MockMvc mvc, JdbcClient jdbc, PasswordEncoder encodeur, Dossiers dossiers,
                                              InstructionDossiers instruction, Agents agentsService, GreenMail greenMail, StockageFichiers stockage) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.stockage = stockage;
        this.agentsService = agentsService;
        this.agents = new AgentsDeTest(agentsService);
        this.actes = new ActesJuridiquesIntegrationTest(mvc, jdbc, encodeur, dossiers, instruction, agentsService, greenMail, stockage);
    }

    record Cas(long id, Cookie session) {
    }

    Cas enInstruction(String departement) throws Exception {
        ActesJuridiquesIntegrationTest.Cas cas = actes.enInstruction(departement);
        return new Cas(cas.id(), cas.session());
    }

    /** The refusal letter issued for the dossier, as text. */
    String refuser(Cas cas) throws Exception {
        mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/REFUSER").cookie(cas.session()).with(csrf())
                .param("motif", "Les caméras filment l’intérieur des logements voisins.").param("fondements", "VIE_PRIVEE")
                .param("confirme", "oui"));
        return document(cas.id(), "refus");
    }

    /** The final arrêté, the commission having let its delay run out (the visa says so). */
    String autoriser(Cas cas, String departement) throws Exception {
        ActesJuridiquesIntegrationTest.Cas enCours = new ActesJuridiquesIntegrationTest.Cas(cas.id(), null, null, cas.session());
        actes.inscrire(enCours, departement, actes.creerSeance(cas.session(), departement, LocalDate.now(PARIS).plusDays(3), "Salle 1"));
        jdbc.sql("update inscription_seance set inscrit_le = now() - interval '4 months' where dossier_id = ?").param(cas.id()).update();
        mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/AUTORISER").cookie(cas.session()).with(csrf()).param("confirme", "oui"));
        return document(cas.id(), "arrete");
    }

    String document(long id, String code) throws Exception {
        String cle = jdbc.sql("select cle_stockage from piece_jointe where dossier_id = ? and code_piece = ?").params(id, code)
                .query(String.class).optional().orElseThrow(() -> new AssertionError("aucun document « " + code + " » émis"));
        try (InputStream in = stockage.ouvrir(cle)) {
            return texte(in.readAllBytes());
        }
    }

    /** The text in reading order (inline spans sorted by position), white space collapsed. */
    static String texte(byte[] contenu) throws Exception {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(contenu)) {
            var lecteur = new org.apache.pdfbox.text.PDFTextStripper();
            lecteur.setSortByPosition(true);
            return lecteur.getText(pdf).replaceAll("[\\s\u00a0]+", " ");
        }
    }

    Cookie administrateurNational() throws Exception {
        String email = "national-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        agentsService.creerAvecMotDePasse(email, "Administratrice nationale", AgentsDeTest.MOT_DE_PASSE, true);
        return ConnexionsHttp.agent(mvc, new AgentsDeTest.Agent(0, email));
    }

    @Test
    void unActePourLeVar_nommeLeTribunalAdministratifDeToulon_avecSonAdresse() throws Exception {
        ActesJuridiquesIntegrationTest.Cas cas = actes.enInstruction("83");
        byte[] accuse = mvc.perform(get("/usager/dossiers/" + cas.id() + "/recepisse.pdf")
                .cookie(ConnexionsHttp.usager(mvc, cas.titulaire()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String toulon = "recours contentieux devant le tribunal administratif de Toulon, 5 rue Racine, CS 40510, 83041 Toulon Cedex 9.";
        assertThat(texte(accuse)).contains(toulon).doesNotContain("tribunal administratif compétent");
        String lettre = refuser(new Cas(cas.id(), cas.session()));
        assertThat(lettre).contains("Le préfet du Var").contains(toulon)
                .contains("(article R421-1 du code de justice administrative)")
                .doesNotContain("tribunal administratif territorialement compétent");
    }

    @Test
    void leChangementParLAdministrateurNational_estRepriDansLActeSuivant_avecSonHistorique() throws Exception {
        Cookie national = administrateurNational();
        ValidateurHtml validateur = new ValidateurHtml();
        assertThat(mvc.perform(get("/agent/national").cookie(national)).andReturn().getResponse().getContentAsString())
                .contains("/agent/national/tribunaux");
        String liste = mvc.perform(get("/agent/national/tribunaux").cookie(national)).andReturn().getResponse().getContentAsString();
        assertThat(liste).contains("Lozère (48)").contains("tribunal administratif de Nîmes").contains("Var (83)")
                .contains("tribunal administratif de Toulon");
        validateur.ajouter("/agent/national/tribunaux", liste);
        assertThat(refuser(enInstruction("48"))).contains("tribunal administratif de Nîmes, 16 avenue Feuchères");

        // Wrong entries: French message next to the field, nothing saved.
        String invalide = mvc.perform(post("/agent/national/tribunaux/48").cookie(national).with(csrf())
                        .param("nom", "TA de Nîmes").param("adresse", "1 rue sans code postal"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        validateur.ajouter("POST /agent/national/tribunaux/48 (erreurs)", invalide);
        assertThat(invalide).contains("Le nom commence par « tribunal administratif »")
                .contains("La dernière ligne de l’adresse commence par le code postal").contains("aria-invalid=\"true\"");
        assertThat(mvc.perform(post("/agent/national/tribunaux/48").cookie(national).with(csrf())
                        .param("nom", "tribunal administratif de Nîmes " + "x".repeat(300)).param("adresse", "1 rue\n30000 Nîmes"))
                .andReturn().getResponse().getContentAsString()).contains("Le nom ne peut dépasser 200 caractères");
        assertThat(jdbc.sql("select count(*) from tribunal_administratif_historique where code_departement = '48'")
                .query(Long.class).single()).isZero();

        try {
            mvc.perform(post("/agent/national/tribunaux/48").cookie(national).with(csrf())
                            .param("nom", "tribunal administratif de Nîmes").param("adresse", "Hôtel Silhol\r\n16 avenue Feuchères\r\n30000 Nîmes"))
                    .andExpect(status().is3xxRedirection());
            assertThat(refuser(enInstruction("48")))
                    .contains("recours contentieux devant le tribunal administratif de Nîmes, Hôtel Silhol, 16 avenue Feuchères, 30000 Nîmes.");
            String fiche = mvc.perform(get("/agent/national/tribunaux/48").cookie(national)).andReturn().getResponse().getContentAsString();
            validateur.ajouter("/agent/national/tribunaux/48 (historique)", fiche);
            validateur.verifier();
            assertThat(fiche).contains("Historique des modifications").contains("CS 88010").contains("Hôtel Silhol")
                    .contains("national-");
            assertThat(jdbc.sql("select ancienne_adresse from tribunal_administratif_historique where code_departement = '48'")
                    .query(String.class).single()).contains("16 avenue Feuchères\nCS 88010\n30941 Nîmes Cedex 09");
        } finally {
            jdbc.sql("update tribunal_administratif set adresse = ? where code_departement = '48'")
                    .param("16 avenue Feuchères\nCS 88010\n30941 Nîmes Cedex 09").update();
        }
    }

    @Test
    void seulLAdministrateurNational_modifieLesTribunaux() throws Exception {
        Cookie adminPrefecture = ConnexionsHttp.agent(mvc, agents.agent("83", RoleAgent.ADMINISTRATEUR));
        assertThat(mvc.perform(get("/agent/national/tribunaux").cookie(adminPrefecture)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/agent/national/tribunaux/83").cookie(adminPrefecture).with(csrf())
                .param("nom", "tribunal administratif de Nulle-Part").param("adresse", "1 rue\n00000 Nulle-Part"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/agent/national/tribunaux/83").with(csrf())
                .param("nom", "tribunal administratif de Nulle-Part").param("adresse", "1 rue\n00000 Nulle-Part"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/agent/connexion");
        assertThat(jdbc.sql("select nom from tribunal_administratif where code_departement = '83'").query(String.class).single())
                .isEqualTo("tribunal administratif de Toulon");
        assertThat(mvc.perform(get("/agent/national/tribunaux/99").cookie(administrateurNational())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aParis_lePrefetDePoliceSigne_etLeTribunalDeParisEstNomme() throws Exception {
        String arrete = autoriser(enInstruction("75"), "75");
        assertThat(arrete).contains("Préfet de police").contains("Le préfet de police,")
                .contains("Pour le préfet de police et par délégation").contains("d’un recours gracieux auprès du préfet de police")
                .contains("tribunal administratif de Paris, 7 rue de Jouy, 75181 Paris Cedex 04").contains("Fait à Paris, le")
                .doesNotContain("Préfet de Paris");
    }

    @Test
    void dansLesBouchesDuRhone_lePrefetDePoliceDesBouchesDuRhoneSigne() throws Exception {
        String lettre = refuser(enInstruction("13"));
        assertThat(lettre).contains("Préfet de police des Bouches-du-Rhône").contains("Le préfet de police des Bouches-du-Rhône")
                .contains("Pour le préfet de police et par délégation")
                .contains("d’un recours gracieux auprès du préfet de police des Bouches-du-Rhône")
                .contains("tribunal administratif de Marseille, 22-24 rue Breteuil, 13281 Marseille Cedex 06")
                .doesNotContain("Le préfet des Bouches-du-Rhône");
    }
}
