package fr.gouv.guichet.demarche;

import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, point 2: the accusé de réception's PDF is not rendered by the deposit; it is rendered once, at its first
 * download, stored, and every later (or concurrent) download serves that same file: one PDF per dossier.
 */
@TestGuichet
class RecepisseStockeIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    StockageFichiers stockage;

    ComptesDeTest comptes;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
    }

    private String cleFichier(long id) {
        return jdbc.sql("select cle_fichier from document_emis where dossier_id = ? and type = 'RECEPISSE'").param(id)
                .query(String.class).optional().orElse(null);
    }

    private long depose(ComptesDeTest.Compte compte, Cookie session) throws Exception {
        long id = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                        .param("cle", UUID.randomUUID().toString()).param("certification", "oui"))
                .andExpect(redirectedUrl("/usager/dossiers/" + id));
        return id;
    }

    private byte[] telecharger(long id, Cookie session) throws Exception {
        return mvc.perform(get("/usager/dossiers/" + id + "/recepisse.pdf").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void rendu_au_premier_telechargement_puis_servi_depuis_le_stockage() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = fr.gouv.guichet.support.ConnexionsHttp.usager(mvc, compte);
        long id = depose(compte, session);
        assertThat(jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single())
                .as("numéro attribué, dossier durable").isNotBlank();
        assertThat(cleFichier(id)).as("aucun PDF rendu par le dépôt").isNull();

        byte[] premier = telecharger(id, session);
        assertThat(new String(premier, 0, 5)).isEqualTo("%PDF-");
        String cle = cleFichier(id);
        assertThat(cle).as("PDF stocké au premier téléchargement").isNotNull();
        try (InputStream stocke = stockage.ouvrir(cle)) {
            assertThat(stocke.readAllBytes()).isEqualTo(premier);
        }
        assertThat(telecharger(id, session)).isEqualTo(premier);
        assertThat(cleFichier(id)).isEqualTo(cle);
    }

    @Test
    void telechargements_simultanes_un_seul_pdf_par_dossier() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = fr.gouv.guichet.support.ConnexionsHttp.usager(mvc, compte);
        long id = depose(compte, session);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<byte[]>> taches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taches.add(() -> telecharger(id, session));
        }
        List<byte[]> recus = new ArrayList<>();
        for (Future<byte[]> f : pool.invokeAll(taches)) {
            recus.add(f.get());
        }
        pool.shutdown();
        String cle = cleFichier(id);
        assertThat(cle).isNotNull();
        byte[] stocke;
        try (InputStream flux = stockage.ouvrir(cle)) {
            stocke = flux.readAllBytes();
        }
        assertThat(recus).allSatisfy(r -> assertThat(r).as("chaque téléchargement sert le PDF stocké").isEqualTo(stocke));
        assertThat(telecharger(id, session)).isEqualTo(stocke);
    }
}
