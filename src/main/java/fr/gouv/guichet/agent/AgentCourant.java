package fr.gouv.guichet.agent;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * The agent of the current request, as kept in their session: no database read (issue 18, ADR 0029). The session is
 * read from the database at every request, and any change of the agent's rights (deactivation, removal from a service,
 * role, national administrator) deletes their sessions in the same transaction (triggers of migration
 * V20261206_0201): the next request, on any instance, finds no session and asks for a new sign-in.
 */
@Service
public class AgentCourant {

    public Optional<AgentConnecte> agent() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AgentConnecte connecte)) {
            return Optional.empty();
        }
        return Optional.of(connecte);
    }

    public AgentConnecte exiger() {
        return agent().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Agent non connecté ou désactivé"));
    }
}
