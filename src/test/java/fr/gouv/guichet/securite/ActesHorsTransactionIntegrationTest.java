package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.instruction.internal.ProductionActes;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 4: an agent's decision records its act (number, text) in its transaction; the PDF is rendered after
 * the commit, with no transaction open, then attached and e-mailed; an act left unrendered is produced later.
 */
@TestGuichet
class ActesHorsTransactionIntegrationTest {

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
    Agents agents;
    @Autowired
    MeterRegistry mesures;
    @Autowired
    ProductionActes production;
    @Autowired
    GreenMail greenMail;

    private double rendusSousTransaction(String gabarit) {
        var compteur = mesures.find("guichet.pdf.rendus.sous.transaction").tag("gabarit", gabarit).counter();
        return compteur == null ? 0 : compteur.count();
    }

    @Test
    void refus_renduApresLaTransaction_jointEtEnvoyeALUsager() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        AgentsDeTest.Agent instructeur = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR);
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP");
        instruction.appliquer(id, CycleVideoprotection.PRENDRE_EN_CHARGE, TypeActeur.AGENT, instructeur.id(), "");
        Cookie session = ConnexionsHttp.agent(mvc, instructeur);
        double avant = rendusSousTransaction("refus");

        mvc.perform(post("/agent/dossiers/" + id + "/actions/REFUSER").cookie(session).with(csrf())
                .param("motif", "Les caméras filment l’intérieur des habitations voisines.").param("fondements", "VIE_PRIVEE")
                .param("confirme", "oui"));

        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("REFUSE");
        assertThat(rendusSousTransaction("refus")).isEqualTo(avant);
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ? and code_piece = 'refus'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from acte_a_rendre where dossier_id = ? and rendu_le is not null and xhtml like '%VP-%'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
        var courriel = new BoiteCourriels(greenMail).attendre(usager.email(), "décision de refus");
        assertThat(courriel.texte()).contains("refusé");
    }

    @Test
    void acteNonRendu_estProduitPlusTardParLaTache() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP");
        // As left by an instance stopped right after the decision's commit.
        jdbc.sql("""
                        insert into acte_a_rendre (dossier_id, code_piece, nom_fichier, gabarit, xhtml)
                        values (?, 'refus', 'refus-essai.pdf', 'refus', ?)""")
                .params(id, "<html lang=\"fr\"><head><title>Refus</title></head><body><p>Décision de refus.</p></body></html>").update();

        production.produireEnAttente();
        // The recurring task may have claimed it first: then it is attached by the task, within its bounds.
        for (int i = 0; i < 60 && jdbc.sql("select count(*) from acte_a_rendre where dossier_id = ? and rendu_le is null")
                .param(id).query(Integer.class).single() > 0; i++) {
            Thread.sleep(500);
        }
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ? and code_piece = 'refus' and nom = 'refus-essai.pdf'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from acte_a_rendre where dossier_id = ? and rendu_le is null").param(id)
                .query(Integer.class).single()).isZero();
    }
}
