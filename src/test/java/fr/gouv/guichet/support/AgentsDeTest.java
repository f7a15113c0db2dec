package fr.gouv.guichet.support;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;

import java.util.UUID;

/** Agent accounts for tests. */
public final class AgentsDeTest {

    public static final String MOT_DE_PASSE = "Mot de passe agent des tests";

    private final Agents agents;

    public AgentsDeTest(Agents agents) {
        this.agents = agents;
    }

    public record Agent(long id, String email) {
    }

    public Agent agent(String codeDepartement, RoleAgent role) {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        long id = agents.creerAvecMotDePasse(email, "Agent " + codeDepartement, MOT_DE_PASSE, false);
        agents.rattacher(id, codeDepartement, role);
        return new Agent(id, email);
    }
}
