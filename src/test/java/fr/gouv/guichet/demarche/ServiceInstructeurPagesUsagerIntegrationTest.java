package fr.gouv.guichet.demarche;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.DossiersPermisDeTest;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.timbre.ServiceTimbres;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 (plateforme multi-démarches): the usager's generic pages name the service that instructs the dossier — a
 * CERT for a licence title of the Var, the préfecture for a vidéoprotection — never "la préfecture" by default.
 */
@TestGuichet
class ServiceInstructeurPagesUsagerIntegrationTest {

    static final String CERT = "CERT permis de conduire de Bordeaux";

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
    ServiceTimbres timbres;
    @Autowired
    Agents agents;

    @Test
    void dossierDePermisDuVar_sesPagesNommentLeCertQuiLInstruit_jamaisLaPrefecture() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = new DossiersPermisDeTest(dossiers, timbres).deposerAvecTimbre(usager.id(), "83");
        assertThat(instruction.service(id)).as("la table de compétence confie le permis du Var au CERT de Bordeaux")
                .contains("cert-permis-bordeaux");
        long agent = new AgentsDeTest(agents).agent("cert-permis-bordeaux", RoleAgent.INSTRUCTEUR).id();
        instruction.messageAgent(id, agent, "Votre photo est bien reçue.");
        Cookie session = ConnexionsHttp.usager(mvc, usager);

        String page = page("/usager/dossiers/" + id, session);
        assertThat(page).contains("au service qui l’instruit : <strong id=\"service-instructeur\">" + CERT + "</strong>")
                .contains(CERT + ", le ")
                .contains("Écrire au service qui instruit votre dossier (" + CERT + ")")
                .doesNotContain("à la préfecture du Var", "La préfecture", "Écrire à la préfecture", "accueil de la préfecture",
                        "Si la préfecture", "du préfet", "notice 51336");

        String liste = page("/usager/dossiers", session);
        assertThat(liste).contains("<th scope=\"col\">Service instructeur</th>").contains("<td>" + CERT + "</td>")
                .doesNotContain("<th scope=\"col\">Préfecture</th>");

        String flash = (String) mvc.perform(post("/usager/dossiers/" + id + "/messages").cookie(session).with(csrf())
                        .param("message", "Merci."))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("messageSucces");
        assertThat(flash).isEqualTo("Votre message a été envoyé au service qui instruit votre dossier : " + CERT + ".");
    }

    @Test
    void dossierDeVideoprotection_sesPagesNommentToujoursLaPrefecture() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(usager.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        assertThat(page("/usager/dossiers/" + id + "/validation", session))
                .contains("je demande leur transmission au service qui l’instruit.").doesNotContain("transmission à la préfecture");
        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui"));
        assertThat(instruction.service(id)).contains("83");
        long agent = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR).id();
        instruction.messageAgent(id, agent, "Merci de préciser le nombre de caméras.");

        String page = page("/usager/dossiers/" + id, session);
        assertThat(page).contains("au service qui l’instruit : <strong id=\"service-instructeur\">Préfecture du Var</strong>")
                .contains("Préfecture du Var, le ")
                .contains("Écrire au service qui instruit votre dossier (Préfecture du Var)")
                // What only the videoprotection says of its documents: the notice, the préfecture's front desk.
                .contains("id=\"precisions-pieces\"", "notice 51336 n°02", "déposer à l’accueil de la préfecture")
                .doesNotContain(CERT);
        assertThat(page("/usager/dossiers", session)).contains("<td>Préfecture du Var</td>");
    }

    private String page(String url, Cookie session) throws Exception {
        return mvc.perform(get(url).cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
