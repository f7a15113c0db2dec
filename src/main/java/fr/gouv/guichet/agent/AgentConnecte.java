package fr.gouv.guichet.agent;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A signed-in agent as kept in the session: the services instructeurs (codes: "83" for the Préfecture du Var,
 * "cert-permis-bordeaux"…) they belong to, with their role. Every back-office access check asks this object — and only
 * this object — whether a service is theirs.
 */
public record AgentConnecte(long id, String email, String nom, Map<String, RoleAgent> services, boolean administrateurNational)
        implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    public static final String ROLE = "ROLE_AGENT";
    public static final String ROLE_NATIONAL = "ROLE_ADMINISTRATEUR_NATIONAL";

    public AgentConnecte {
        services = new TreeMap<>(services);
    }

    /** Whether the agent belongs to that service (for a préfecture, its code is the département's). */
    public boolean instruit(String codeService) {
        return services.containsKey(codeService);
    }

    public boolean administre(String codeService) {
        return administrateurNational || services.get(codeService) == RoleAgent.ADMINISTRATEUR;
    }

    public List<String> codesServices() {
        return List.copyOf(services.keySet());
    }

    public Collection<? extends GrantedAuthority> autorites() {
        List<GrantedAuthority> autorites = new ArrayList<>();
        autorites.add(new SimpleGrantedAuthority(ROLE));
        if (administrateurNational) {
            autorites.add(new SimpleGrantedAuthority(ROLE_NATIONAL));
        }
        return autorites;
    }

    @Override
    public String getName() {
        return email;
    }
}
