package fr.gouv.guichet.agent;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** The agent of the current request, reloaded from the database (a deactivation or a removal applies at once). */
@Service
public class AgentCourant {

    private final Agents agents;

    AgentCourant(Agents agents) {
        this.agents = agents;
    }

    public Optional<AgentConnecte> agent() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AgentConnecte connecte)) {
            return Optional.empty();
        }
        return agents.actif(connecte.id());
    }

    public AgentConnecte exiger() {
        return agent().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Agent non connecté ou désactivé"));
    }
}
