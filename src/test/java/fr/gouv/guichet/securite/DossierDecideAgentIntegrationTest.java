package fr.gouv.guichet.securite;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.support.AgentsDeTest;
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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Issue 10, point 10: once a dossier is decided, an agent can neither write to the usager nor change its priority. */
@TestGuichet
class DossierDecideAgentIntegrationTest {

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

    @Test
    void dossierDecide_niMessageNiPriorite() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        AgentsDeTest.Agent instructeur = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR);
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP");
        instruction.appliquer(id, CycleVideoprotection.CLASSER_SANS_SUITE, TypeActeur.AGENT, instructeur.id(), "Demande retirée");
        Cookie session = ConnexionsHttp.agent(mvc, instructeur);

        var message = mvc.perform(post("/agent/dossiers/" + id + "/messages").cookie(session).with(csrf())
                .param("message", "Message après la décision")).andReturn();
        assertThat(message.getFlashMap().get("erreurMessage")).asString().contains("décidé");
        var priorite = mvc.perform(post("/agent/dossiers/" + id + "/priorite").cookie(session).with(csrf())
                .param("prioritaire", "true")).andReturn();
        assertThat(priorite.getFlashMap().get("erreurAction")).asString().contains("décidé");

        assertThat(jdbc.sql("select count(*) from dossier_message where dossier_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select prioritaire from dossier where id = ?").param(id).query(Boolean.class).single()).isFalse();
    }
}
