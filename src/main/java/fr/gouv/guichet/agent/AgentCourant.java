package fr.gouv.guichet.agent;

import fr.gouv.guichet.socle.ParRequete;
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
        // Reloaded once per request (not once per caller of the request): a deactivation applies at the next request.
        return ParRequete.memoriser("agent:" + connecte.id(), () -> agents.actif(connecte.id()));
    }

    public AgentConnecte exiger() {
        return agent().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Agent non connecté ou désactivé"));
    }
}
