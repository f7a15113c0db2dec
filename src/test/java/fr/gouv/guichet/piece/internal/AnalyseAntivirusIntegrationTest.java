package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.EtatAnalyse;
import fr.gouv.guichet.piece.FichierNonDisponible;
import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Antivirus scanning with the database: against Debian's real clamd (verdicts, quarantine, clamd down then back),
 * and through HTTP with the embedded default's demonstration scanner (states shown, downloads refused).
 */
@TestGuichet
class AnalyseAntivirusIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StockageFichiers stockage;
    @Autowired
    MockMvc mvc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Agents agents;

    @TempDir
    Path repertoire;

    @Test
    void avec_clamd_un_fichier_infecte_est_en_quarantaine_et_clamd_injoignable_fait_attendre_les_fichiers() throws Exception {
        try (ClamdDeTest clamd = new ClamdDeTest(repertoire)) {
            Antivirus antivirus = clamd.client();
            AnalysesAntivirus analyses = new AnalysesAntivirusJdbc(jdbc, transactions, stockage, antivirus);
            var sante = new ConfigurationAntivirus().antivirusHealthIndicator(antivirus, analyses);

            String infecte = stocker(PdfsDeTest.pdfCompresseAvecCommentaire(ClamdDeTest.EICAR));
            assertThat(analyses.analyser(infecte)).isEqualTo(EtatAnalyse.INFECTE);
            assertThat(jdbc.sql("select signature from piece_analyse where cle_stockage = ?").param(infecte)
                    .query(String.class).single()).startsWith(ClamdDeTest.SIGNATURE);
            assertThatThrownBy(() -> analyses.ouvrirSiSain(infecte)).isInstanceOf(FichierNonDisponible.class)
                    .hasMessageContaining("virus").hasMessageContaining("Envoyez un autre fichier");

            byte[] propre = PdfsDeTest.pdfCompresseAvecCommentaire("propre");
            String sain = stocker(propre);
            assertThat(analyses.analyser(sain)).isEqualTo(EtatAnalyse.SAIN);
            try (InputStream in = analyses.ouvrirSiSain(sain)) {
                assertThat(in.readAllBytes()).isEqualTo(propre);
            }
            assertThat(sante.health(false).getStatus()).isEqualTo(Status.UP);

            clamd.arreter();
            String enAttente = stocker(propre);
            assertThat(analyses.analyser(enAttente)).isEqualTo(EtatAnalyse.EN_COURS);
            assertThatThrownBy(() -> analyses.ouvrirSiSain(enAttente)).isInstanceOf(FichierNonDisponible.class)
                    .hasMessageContaining("en cours d’analyse");
            assertThat(sante.health(true).getStatus()).isEqualTo(Status.DOWN);
            assertThat(sante.health(true).getDetails().get("message").toString()).contains("attendent");
            assertThat(analyses.enAttente()).isPositive();
            assertThat(jdbc.sql("select prochain_essai > now() from piece_analyse where cle_stockage = ?").param(enAttente)
                    .query(Boolean.class).single()).as("nouvel essai différé").isTrue();

            clamd.demarrer();
            jdbc.sql("update piece_analyse set prochain_essai = now() where cle_stockage = ?").param(enAttente).update();
            assertThat(analyses.analyserEnAttente(1000)).isPositive();
            assertThat(analyses.etat(enAttente)).isEqualTo(EtatAnalyse.SAIN);
            assertThat(jdbc.sql("select analyseur from piece_analyse where cle_stockage = ?").param(enAttente)
                    .query(String.class).single()).startsWith("clamd 127.0.0.1:" + clamd.port());
            assertThat(sante.health(false).getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void l_usager_et_l_agent_voient_l_etat_et_un_fichier_infecte_n_est_jamais_servi() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP");
        Cookie session = ConnexionsHttp.usager(mvc, usager);

        MvcResult infecte = mvc.perform(multipart("/usager/dossiers/" + id + "/pieces").file(new MockMultipartFile("fichier",
                        "plan.pdf", "application/pdf", PdfsDeTest.pdfEnClair(ClamdDeTest.EICAR))).cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/usager/dossiers/" + id + "#documents")).andReturn();
        assertThat((String) infecte.getFlashMap().get("erreurPiece"))
                .contains("plan.pdf").contains("contient un virus").contains("quarantaine").contains("Envoyez un autre fichier");
        mvc.perform(multipart("/usager/dossiers/" + id + "/pieces").file(new MockMultipartFile("fichier",
                "sain.pdf", "application/pdf", PdfsDeTest.pdfEnClair("rien"))).cookie(session).with(csrf()));
        List<Long> pieces = jdbc.sql("select id from piece_jointe where dossier_id = ? order by id").param(id).query(Long.class).list();
        assertThat(pieces).hasSize(2);

        String page = mvc.perform(get("/usager/dossiers/" + id).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Analyse antivirus").contains("Infecté : mis en quarantaine").contains(">Sain<")
                .doesNotContain("/pieces/" + pieces.get(0) + "\"").contains("/pieces/" + pieces.get(1) + "\"");
        MvcResult refus = mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + pieces.get(0)).cookie(session))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/usager/dossiers/" + id + "#documents")).andReturn();
        assertThat(refus.getResponse().getContentAsByteArray()).isEmpty();
        assertThat((String) refus.getFlashMap().get("erreurPiece")).contains("virus");
        mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + pieces.get(1)).cookie(session)).andExpect(status().isOk());

        // A file never scanned (e.g. stored before the antivirus) is not served either.
        jdbc.sql("update piece_analyse set etat = 'EN_COURS', prochain_essai = now() + interval '1 hour' where cle_stockage = "
                + "(select cle_stockage from piece_jointe where id = ?)").param(pieces.get(1)).update();
        MvcResult attente = mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + pieces.get(1)).cookie(session))
                .andExpect(status().isSeeOther()).andReturn();
        assertThat((String) attente.getFlashMap().get("erreurPiece")).contains("en cours d’analyse");

        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR));
        String pageAgent = mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(pageAgent).contains("Infecté : mis en quarantaine").contains("En cours d’analyse");
        MvcResult refusAgent = mvc.perform(get("/agent/dossiers/" + id + "/pieces/" + pieces.get(0)).cookie(agent))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/agent/dossiers/" + id + "#documents")).andReturn();
        assertThat((String) refusAgent.getFlashMap().get("erreurAction")).contains("virus");
        byte[] zip = mvc.perform(get("/agent/dossiers/" + id + "/pieces.zip").cookie(agent)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<String> entrees = new ArrayList<>();
        try (ZipInputStream archive = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entree;
            while ((entree = archive.getNextEntry()) != null) {
                ByteArrayOutputStream contenu = new ByteArrayOutputStream();
                archive.transferTo(contenu);
                assertThat(contenu.toString(StandardCharsets.ISO_8859_1)).doesNotContain("EICAR");
                entrees.add(entree.getName());
            }
        }
        assertThat(entrees).containsExactly("01-NON-TRANSMIS-plan.pdf.txt", "02-NON-TRANSMIS-sain.pdf.txt");
    }

    private String stocker(byte[] contenu) {
        return stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length);
    }
}
