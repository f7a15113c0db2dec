package fr.gouv.guichet.agent.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in agent in every page's header. */
@ControllerAdvice
class AgentConnecteAdvice {

    private final AgentCourant agentCourant;

    AgentConnecteAdvice(AgentCourant agentCourant) {
        this.agentCourant = agentCourant;
    }

    @ModelAttribute("agentConnecte")
    @Nullable
    AgentConnecte agentConnecte() {
        return agentCourant.agent().orElse(null);
    }
}
