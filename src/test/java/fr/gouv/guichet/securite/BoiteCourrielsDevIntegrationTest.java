package fr.gouv.guichet.securite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 10, point 1: the embedded default's mailbox page must not hand out accounts. It answers loopback requests only
 * (never a request relayed by a proxy), never shows an agent invitation, and Guichet listens on loopback only.
 */
@TestGuichet
class BoiteCourrielsDevIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    GreenMail greenMail;
    @Autowired
    Environment env;
    @Value("${local.server.port}")
    int port;

    @Test
    void boiteDeDeveloppement_refuseeAuxRequetesVenantDuReseau() throws Exception {
        mvc.perform(get("/dev/courriels").with(r -> {
            r.setRemoteAddr("192.168.1.20");
            return r;
        })).andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(404));
        mvc.perform(get("/dev/courriels").with(r -> {
            r.setRemoteAddr("2001:db8::7");
            return r;
        })).andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(404));
    }

    @Test
    void boiteDeDeveloppement_refuseeAuxRequetesRelayeesParUnMandataire() throws Exception {
        for (String entete : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
            mvc.perform(get("/dev/courriels").header(entete, "203.0.113.9"))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).as(entete).isEqualTo(404));
        }
    }

    @Test
    void boiteDeDeveloppement_neMontreJamaisUneInvitationDAgent() throws Exception {
        AgentsDeTest.Agent admin = new AgentsDeTest(agents).agent("83", RoleAgent.ADMINISTRATEUR);
        AgentConnecte par = agents.actif(admin.id()).orElseThrow();
        String invite = "nouvel-agent-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        agents.inviter(par, "83", invite, "Nouvel agent", RoleAgent.INSTRUCTEUR);
        String lien = new BoiteCourriels(greenMail).attendre(invite, "Invitation").lien();
        String page = mvc.perform(get("/dev/courriels")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Courriels envoyés").doesNotContain(invite).doesNotContain(lien)
                .doesNotContain("/agent/invitation");
    }

    @Test
    void guichetEmbarque_necouteQueSurLInterfaceDeBouclage() throws Exception {
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
        for (InetAddress adresse : adressesNonBouclage()) {
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(new InetSocketAddress(adresse, port), 2000))
                        .as("connexion à %s:%d", adresse, port).isInstanceOf(IOException.class);
            }
        }
    }

    static List<InetAddress> adressesNonBouclage() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
    }
}
