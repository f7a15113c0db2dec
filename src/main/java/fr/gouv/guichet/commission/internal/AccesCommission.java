package fr.gouv.guichet.commission.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.commission.Commissions;
import fr.gouv.guichet.commission.Seance;
import fr.gouv.guichet.commission.SeanceIntrouvable;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import org.springframework.stereotype.Component;

/**
 * Who reaches the commission pages: the same rule as the rest of the back office — an agent only sees the
 * préfectures they belong to; anything else answers 404, as if it did not exist.
 */
@Component
public class AccesCommission {

    private final AgentCourant agentCourant;
    private final Commissions commissions;

    AccesCommission(AgentCourant agentCourant, Commissions commissions) {
        this.agentCourant = agentCourant;
        this.commissions = commissions;
    }

    /** The agent (reloaded: a deactivation applies at once), if they instruct for that préfecture. */
    public AgentConnecte prefecture(String codeDepartement) {
        AgentConnecte agent = agentCourant.exiger();
        if (!agent.instruit(codeDepartement)) {
            throw new DossierIntrouvable();
        }
        return agent;
    }

    /** The session, if it is of that préfecture and the agent instructs for it. */
    public Seance seance(AgentConnecte agent, String codeDepartement, long seanceId) {
        Seance seance = commissions.seance(agent, seanceId);
        if (!seance.codeDepartement().equals(codeDepartement)) {
            throw new SeanceIntrouvable();
        }
        return seance;
    }
}
