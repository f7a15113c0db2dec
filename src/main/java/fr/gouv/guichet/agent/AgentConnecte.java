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
 * A signed-in agent as kept in the session: the préfectures (département codes) they belong to, with their role.
 * Every back-office access check asks this object — and only this object — whether a préfecture is theirs.
 */
public record AgentConnecte(long id, String email, String nom, Map<String, RoleAgent> prefectures, boolean administrateurNational)
        implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "ROLE_AGENT";
    public static final String ROLE_NATIONAL = "ROLE_ADMINISTRATEUR_NATIONAL";

    public AgentConnecte {
        prefectures = new TreeMap<>(prefectures);
    }

    public boolean instruit(String codeDepartement) {
        return prefectures.containsKey(codeDepartement);
    }

    public boolean administre(String codeDepartement) {
        return administrateurNational || prefectures.get(codeDepartement) == RoleAgent.ADMINISTRATEUR;
    }

    public List<String> codesPrefectures() {
        return List.copyOf(prefectures.keySet());
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
