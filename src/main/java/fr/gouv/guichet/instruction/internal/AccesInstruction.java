package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import org.springframework.stereotype.Component;

/**
 * The one place where the back office decides who sees what: an agent reaches a préfecture's queue and dossiers
 * only if they belong to that préfecture. Anything else answers 404, as if it did not exist.
 */
@Component
public class AccesInstruction {

    private final AgentCourant agentCourant;
    private final Dossiers dossiers;

    AccesInstruction(AgentCourant agentCourant, Dossiers dossiers) {
        this.agentCourant = agentCourant;
        this.dossiers = dossiers;
    }

    public AgentConnecte agent() {
        return agentCourant.exiger();
    }

    /** The agent, if they instruct for that préfecture. */
    public AgentConnecte prefecture(String codeDepartement) {
        AgentConnecte agent = agent();
        if (!agent.instruit(codeDepartement)) {
            throw new DossierIntrouvable();
        }
        return agent;
    }

    /** The deposited dossier, if it belongs to one of the agent's préfectures. */
    public Dossier dossier(long id) {
        AgentConnecte agent = agent();
        Dossier dossier = dossiers.pourInstruction(id).orElseThrow(DossierIntrouvable::new);
        if (!agent.instruit(dossier.codeDepartement())) {
            throw new DossierIntrouvable();
        }
        return dossier;
    }
}
