package fr.gouv.guichet.mediation.internal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/** A signed-in médiateur numérique, as kept in the session: their account and the help place they belong to. */
public record MediateurConnecte(long id, String email, String nom, String lieuId) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "ROLE_MEDIATEUR";

    public List<GrantedAuthority> autorites() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    @Override
    public String getName() {
        return "mediateur:" + email;
    }
}
