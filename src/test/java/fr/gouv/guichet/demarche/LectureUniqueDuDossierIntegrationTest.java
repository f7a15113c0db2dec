package fr.gouv.guichet.demarche;

import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import fr.gouv.guichet.support.ConnexionsHttp;
import jakarta.servlet.http.Cookie;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * ADR 0031: the deposit and the upload act on the dossier the page has just read, without reading it again. Each test
 * tries to break what the second read protected: answers saved since the read, a decision taken since, another usager.
 */
@TestGuichet
class LectureUniqueDuDossierIntegrationTest {

    private static final String SHA = "a".repeat(64);

    @Autowired
    Dossiers dossiers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    MockMvc mvc;

    private long brouillon(ComptesDeTest.Compte compte) {
        return dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
    }

    private int dernierNumero() {
        return jdbc.sql("select coalesce(max(dernier), 0) from numero_sequence where prefixe = 'VP' and code_departement = '83'")
                .query(Integer.class).single();
    }

    @Test
    void brouillonEnregistreDepuisSaLecture_rienNEstDeposeNiNumerote() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = brouillon(compte);
        Dossier lu = dossiers.deLUsager(id, compte.id()).orElseThrow();
        dossiers.enregistrer(id, compte.id(), lu.version(), DossiersDeTest.reponsesValides());
        int numeros = dernierNumero();

        assertThatThrownBy(() -> dossiers.deposer(lu, compte.id(), UUID.randomUUID(), "VP", d -> true))
                .isInstanceOf(DepotConcurrent.class);
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("BROUILLON");
        assertThat(dernierNumero()).as("numéro pris puis annulé avec la transaction").isEqualTo(numeros);
        // Read again, it deposits.
        assertThat(dossiers.deposer(dossiers.deLUsager(id, compte.id()).orElseThrow(), compte.id(), UUID.randomUUID(), "VP",
                d -> true).valeur()).startsWith("VP-083-");
    }

    @Test
    void brouillonLuDeposeParUnAutreUsager_rienNEstDepose() {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte victime = comptes.usager("83");
        ComptesDeTest.Compte attaquant = comptes.usager("83");
        long id = brouillon(victime);
        Dossier lu = dossiers.deLUsager(id, victime.id()).orElseThrow();

        assertThatThrownBy(() -> dossiers.deposer(lu, attaquant.id(), UUID.randomUUID(), "VP", d -> true))
                .isInstanceOf(DepotConcurrent.class);
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("BROUILLON");
    }

    @Test
    void pieceSurUnDossierDecideDepuisSaLecture_refusee() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = brouillon(compte);
        dossiers.deposer(id, compte.id(), UUID.randomUUID(), "VP");
        Dossier lu = dossiers.deLUsager(id, compte.id()).orElseThrow();
        // The agent's decision as DossierRepository.changerEtat writes it (every state change increments the version).
        jdbc.sql("update dossier set etat = 'AUTORISE', version = version + 1 where id = ?").param(id).update();

        assertThatThrownBy(() -> dossiers.ajouterPiece(lu, compte.id(), "plan_masse", "plan.pdf", "PDF", 1000, SHA, "cle-" + SHA))
                .isInstanceOf(TransitionImpossible.class);
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ?").param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void pieceSurLeDossierLuDUnAutreUsager_introuvable() {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte victime = comptes.usager("83");
        ComptesDeTest.Compte attaquant = comptes.usager("83");
        long id = brouillon(victime);
        dossiers.deposer(id, victime.id(), UUID.randomUUID(), "VP");
        Dossier lu = dossiers.deLUsager(id, victime.id()).orElseThrow();

        assertThatThrownBy(() -> dossiers.ajouterPiece(lu, attaquant.id(), "plan_masse", "plan.pdf", "PDF", 1000, SHA, "cle-" + SHA))
                .isInstanceOf(DossierIntrouvable.class);
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select nouveaux_elements_le is null from dossier where id = ?").param(id).query(Boolean.class).single())
                .as("dossier de la victime non marqué").isTrue();
    }

    /** A double click on « valider »: one deposit, one number, and both answers lead to the dossier page. */
    @Test
    void doubleClicSurValider_unSeulDepotEtLeMemeNumero() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        try (ExecutorService executeur = Executors.newFixedThreadPool(2)) {
            for (int manche = 0; manche < 8; manche++) {
                long id = brouillon(compte);
                String cle = UUID.randomUUID().toString();
                CyclicBarrier depart = new CyclicBarrier(2);
                Callable<MvcResult> clic = () -> {
                    depart.await();
                    return mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                            .param("cle", cle).param("certification", "oui")).andReturn();
                };
                List<Future<MvcResult>> clics = List.of(executeur.submit(clic), executeur.submit(clic));
                List<MvcResult> reponses = new ArrayList<>();
                for (Future<MvcResult> f : clics) {
                    reponses.add(f.get());
                }
                String numero = jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
                List<String> messages = new ArrayList<>();
                for (MvcResult r : reponses) {
                    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/usager/dossiers/" + id);
                    if (r.getFlashMap().get("messageSucces") instanceof String message) {
                        messages.add(message);
                    }
                }
                assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).contains(numero));
                assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'DEPOSE'").param(id)
                        .query(Integer.class).single()).as("une validation = un dépôt").isEqualTo(1);
            }
        }
    }
}
