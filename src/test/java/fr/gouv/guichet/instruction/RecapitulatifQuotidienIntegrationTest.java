package fr.gouv.guichet.instruction;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agents' daily e-mail digest of dossiers with new elements (issue 19, point 2). */
@TestGuichet
class RecapitulatifQuotidienIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
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

    private Cookie agent(AgentsDeTest.Agent agent) throws Exception {
        return fr.gouv.guichet.support.ConnexionsHttp.agent(mvc, agent);
    }

    private long depose(ComptesDeTest.Compte compte, String departement, Map<String, Object> reponses) {
        long id = dossiers.creerBrouillon(compte.id(), departement, "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);
        dossiers.deposer(id, compte.id(), UUID.randomUUID(), "VP");
        return id;
    }

    private String numero(long id) {
        return jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
    }

    @Autowired
    fr.gouv.guichet.instruction.internal.RecapitulatifQuotidien.Envoi recapitulatif;

    /** The daily digest: only to agents who asked, only their service's dossiers, numbers only, once a day, switchable off. */
    @Test
    void recapitulatif_demandeParLAgent_numerosSeulsDeSonService_uneFoisParJour_puisDesactive() throws Exception {
        ComptesDeTest.Compte usagerVar = comptes.usager("83");
        ComptesDeTest.Compte usagerCorse = comptes.usager("2A");
        Map<String, Object> reponses = DossiersDeTest.reponsesValides();
        long varAvecNouveaux = depose(usagerVar, "83", reponses);
        long varSansNouveaux = depose(usagerVar, "83", reponses);
        long corseAvecNouveaux = depose(usagerCorse, "2A", reponses);
        jdbc.sql("update dossier set nouveaux_elements_le = now() where id in (?, ?)").params(varAvecNouveaux, corseAvecNouveaux).update();

        AgentsDeTest.Agent abonne = agents.agent("83", RoleAgent.INSTRUCTEUR);
        AgentsDeTest.Agent nonAbonne = agents.agent("83", RoleAgent.INSTRUCTEUR);
        Cookie session = agent(abonne);
        assertThat(mvc.perform(get("/agent/recapitulatif").cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Vous ne recevez pas ce récapitulatif");
        mvc.perform(post("/agent/recapitulatif").param("recevoir", "oui").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/agent/recapitulatif"));
        assertThat(mvc.perform(get("/agent/recapitulatif").cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("Vous recevez actuellement ce récapitulatif");

        assertThat(recapitulatif.envoyer()).isGreaterThanOrEqualTo(1);
        BoiteCourriels boite = new BoiteCourriels(greenMail);
        BoiteCourriels.Recu recu = boite.attendre(abonne.email(), "nouveaux éléments");
        assertThat(recu.texte()).contains(numero(varAvecNouveaux))
                .doesNotContain(numero(varSansNouveaux))
                .doesNotContain(numero(corseAvecNouveaux))
                // No personal data beyond the number: neither the usager's name nor their e-mail nor the place.
                .doesNotContain(usagerVar.email())
                .doesNotContain("Martin")
                .doesNotContain("Boulangerie du Port")
                .doesNotContain("quai Cronstadt");
        assertThat(boite.pour(nonAbonne.email())).isEmpty();

        // The task runs again the same day (restart, another instance): nothing is sent twice.
        recapitulatif.envoyer();
        assertThat(boite.pour(abonne.email())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'recapitulatif-quotidien'").query(Integer.class).single())
                .isEqualTo(1);

        // Switched off: the next day's run sends nothing to them.
        mvc.perform(post("/agent/recapitulatif").cookie(session).with(csrf())).andExpect(redirectedUrl("/agent/recapitulatif"));
        jdbc.sql("delete from effet_realise where cle like ?").param("recapitulatif-quotidien:" + abonne.id() + ":%").update();
        recapitulatif.envoyer();
        assertThat(boite.pour(abonne.email())).hasSize(1);
    }

    @Test
    void laPageDuRecapitulatifEstReserveeAuxAgents() throws Exception {
        mvc.perform(get("/agent/recapitulatif")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/agent/recapitulatif").param("recevoir", "oui").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from recapitulatif_agent where agent_id not in (select id from agent)").query(Integer.class).single())
                .isZero();
    }
}
