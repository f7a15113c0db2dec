package fr.gouv.guichet.securite;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.ReponsesNonValides;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 4: the attacker fires an autosave carrying invalid answers at the same moment as « valider ».
 * Whatever the interleaving, a deposited dossier carries answers that passed validation.
 */
@TestGuichet
class CourseDepotIntegrationTest {

    private static final int MANCHES = 16;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;

    @Test
    void enregistrementAutomatiqueConcurrentDeValider_jamaisDeReponsesNonValideesDeposees() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        List<Long> brouillons = new ArrayList<>();
        try (ExecutorService executeur = Executors.newFixedThreadPool(2)) {
            for (int manche = 0; manche < MANCHES; manche++) {
                long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                        DossiersDeTest.reponsesValides(), null, null);
                brouillons.add(id);
                int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
                CyclicBarrier depart = new CyclicBarrier(2);
                CompletableFuture<Void> valider = CompletableFuture.runAsync(() -> envoyer(depart, () ->
                        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                                .param("cle", UUID.randomUUID().toString()).param("certification", "oui"))), executeur);
                CompletableFuture<Void> auto = CompletableFuture.runAsync(() -> envoyer(depart, () ->
                        mvc.perform(post("/usager/dossiers/" + id + "/pages/1/auto").cookie(session).with(csrf())
                                .param("version", String.valueOf(version))
                                .param("declarant_code_postal", "pas-un-code")
                                .param("nom_naissance", ""))), executeur);
                CompletableFuture.allOf(valider, auto).join();
            }
        }
        for (long id : brouillons) {
            Map<String, Object> ligne = jdbc.sql("select etat, reponses->>'declarant_code_postal' as cp from dossier where id = ?")
                    .param(id).query().singleRow();
            if (!"BROUILLON".equals(ligne.get("etat"))) {
                assertThat(ligne.get("cp")).as("dossier %d déposé avec des réponses jamais validées", id).isEqualTo("83000");
            }
        }
    }

    @Test
    void depotDontLesReponsesLuesNePassentPas_rienNEstDepose() {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        assertThatThrownBy(() -> dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP", lu -> false))
                .isInstanceOf(ReponsesNonValides.class);
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("BROUILLON");
    }

    private interface Requete {
        void envoyer() throws Exception;
    }

    private static void envoyer(CyclicBarrier depart, Requete requete) {
        try {
            depart.await();
            requete.envoyer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
