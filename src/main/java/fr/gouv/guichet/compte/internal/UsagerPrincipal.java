package fr.gouv.guichet.compte.internal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;
import java.util.List;

/** The signed-in usager as kept in the (database-stored) session: an id and the address used to sign in. */
public record UsagerPrincipal(long id, String email) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "ROLE_USAGER";

    public Collection<? extends GrantedAuthority> autorites() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    @Override
    public String getName() {
        return email;
    }
}
