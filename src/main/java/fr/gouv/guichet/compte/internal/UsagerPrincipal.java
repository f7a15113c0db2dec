package fr.gouv.guichet.compte.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;
import java.util.List;

/** The signed-in usager as kept in the (database-stored) session: an id and the address used to sign in (none for
 * an account created through FranceConnect without e-mail address). */
public record UsagerPrincipal(long id, @Nullable String email) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "ROLE_USAGER";

    public Collection<? extends GrantedAuthority> autorites() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    /** The session's principal name: the address, or a name of its own for an account without address. */
    @Override
    public String getName() {
        return nom(id, email);
    }

    public static String nom(long id, @Nullable String email) {
        return email != null ? email : "usager-sans-adresse:" + id;
    }
}
