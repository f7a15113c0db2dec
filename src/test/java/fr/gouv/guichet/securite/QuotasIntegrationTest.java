package fr.gouv.guichet.securite;

import fr.gouv.guichet.demarche.Dossiers;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 9: per-account and per-dossier quotas (open drafts, documents and volume per dossier, upload rate per
 * account), each refused with a French message and nothing recorded or stored.
 */
@TestGuichet
class QuotasIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;

    ComptesDeTest.Compte usager;
    Cookie session;
    long dossier;

    @BeforeEach
    void dossier() throws Exception {
        usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        dossier = deposer();
        session = Terrain.usager(mvc, usager);
    }

    private long deposer() {
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP");
        return id;
    }

    private void pieces(long dossierId, int nombre, long taille) {
        for (int i = 0; i < nombre; i++) {
            jdbc.sql("""
                            insert into piece_jointe (dossier_id, code_piece, nom, type_contenu, taille, sha256, cle_stockage, depose_le)
                            values (?, 'autre', 'plan.pdf', 'PDF', ?, 'x', ?, now())""")
                    .params(dossierId, taille, "quota-" + UUID.randomUUID()).update();
        }
    }

    private int nombre(long dossierId) {
        return jdbc.sql("select count(*) from piece_jointe where dossier_id = ?").param(dossierId).query(Integer.class).single();
    }

    private String envoyer(byte[] contenu) throws Exception {
        MvcResult r = mvc.perform(multipart("/usager/dossiers/" + dossier + "/pieces")
                .file(new MockMultipartFile("fichier", "plan.png", "image/png", contenu)).param("codePiece", "autre")
                .cookie(session).with(csrf())).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/usager/dossiers/" + dossier + "#documents");
        return String.valueOf(r.getFlashMap().get("erreurPiece"));
    }

    @Test
    void cinquanteDocumentsDansUnDossier_leSuivantEstRefuse() throws Exception {
        jdbc.sql("update piece_jointe set depose_le = now() - interval '2 hours' where dossier_id = ?").param(dossier).update();
        pieces(dossier, 50, 1000);
        jdbc.sql("update piece_jointe set depose_le = now() - interval '2 hours' where dossier_id = ?").param(dossier).update();
        assertThat(envoyer(Terrain.png())).contains("déjà 50 documents joints");
        assertThat(nombre(dossier)).isEqualTo(50);
    }

    @Test
    void volumeTotalDuDossier_borne() throws Exception {
        pieces(dossier, 1, 200L * 1024 * 1024);
        jdbc.sql("update piece_jointe set depose_le = now() - interval '2 hours' where dossier_id = ?").param(dossier).update();
        assertThat(envoyer(Terrain.png())).contains("ne peuvent pas dépasser 200 Mo au total");
        assertThat(nombre(dossier)).isEqualTo(1);
    }

    @Test
    void debitParCompte_cinqFoisVingtMoEnQuelquesSecondes_refuse() throws Exception {
        // 5 × 20 MB from one account in 2.7 s was accepted: the account's last hour counts, across its dossiers.
        long autre = deposer();
        pieces(autre, 5, 20L * 1024 * 1024);
        assertThat(envoyer(Terrain.png())).contains("beaucoup de documents en peu de temps");
        assertThat(nombre(dossier)).isZero();
    }

    @Test
    void trenteDocumentsEnUneHeure_leSuivantEstRefuse() throws Exception {
        long autre = deposer();
        pieces(autre, 30, 1000);
        assertThat(envoyer(Terrain.png())).contains("au plus 30 documents");
    }

    @Test
    void vingtBrouillonsOuverts_leSuivantEstRefuseAvecUnMessageClair() throws Exception {
        for (int i = 0; i < 20; i++) {
            dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", java.util.Map.of(), null, null);
        }
        String page = mvc.perform(post("/usager/videoprotection/nouveau").param("demarche", "AUTORISATION")
                .param("lieu", "UN_DEPARTEMENT").cookie(session).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("dossiers en brouillon, le maximum");
        page = mvc.perform(post("/usager/videoprotection/reference").param("demarche", "MODIFICATION")
                .param("numero", "VP-083-2025-000001-A").param("dateArrete", "01/02/2025").cookie(session).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("dossiers en brouillon, le maximum");
        assertThat(jdbc.sql("select count(*) from dossier where usager_id = ? and etat = 'BROUILLON'").param(usager.id())
                .query(Integer.class).single()).isEqualTo(20);
    }

    /** Issue 10's known limit: two uploads of the same account at once could each pass the check and both be recorded. */
    @Test
    void televersementsSimultanes_auQuarantedixNeuviemeDocument_unSeulPasse() throws Exception {
        pieces(dossier, 49, 1000);
        jdbc.sql("update piece_jointe set depose_le = now() - interval '2 hours' where dossier_id = ?").param(dossier).update();
        List<String> erreurs = simultanement(6, () -> envoyer(Terrain.png()));
        assertThat(nombre(dossier)).as("jamais plus de 50 documents, même envoyés en même temps").isEqualTo(50);
        assertThat(erreurs).filteredOn(e -> e.contains("déjà 50 documents joints")).hasSize(5);
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ? and cle_stockage not like 'quota-%'")
                .param(dossier).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void brouillonsCreesSimultanement_auDixNeuvieme_unSeulPasse() throws Exception {
        for (int i = 0; i < 19; i++) {
            dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", java.util.Map.of(), null, null);
        }
        List<String> pages = simultanement(6, () -> mvc.perform(post("/usager/videoprotection/nouveau").param("demarche", "AUTORISATION")
                .param("lieu", "UN_DEPARTEMENT").cookie(session).with(csrf())).andReturn().getResponse().getContentAsString());
        assertThat(jdbc.sql("select count(*) from dossier where usager_id = ? and etat = 'BROUILLON'").param(usager.id())
                .query(Integer.class).single()).as("jamais plus de 20 brouillons ouverts, même créés en même temps").isEqualTo(20);
        assertThat(pages).filteredOn(p -> p.contains("dossiers en brouillon, le maximum")).hasSize(5);
    }

    private interface Envoi {
        String envoyer() throws Exception;
    }

    /** The same request sent by {@code nombre} threads released at once; what each got back. */
    private static List<String> simultanement(int nombre, Envoi envoi) throws Exception {
        CyclicBarrier depart = new CyclicBarrier(nombre);
        List<Future<String>> resultats = new ArrayList<>();
        try (ExecutorService executeur = Executors.newFixedThreadPool(nombre)) {
            for (int i = 0; i < nombre; i++) {
                resultats.add(executeur.submit(() -> {
                    depart.await();
                    return envoi.envoyer();
                }));
            }
        }
        List<String> reponses = new ArrayList<>();
        for (Future<String> f : resultats) {
            reponses.add(f.get());
        }
        return reponses;
    }
}
