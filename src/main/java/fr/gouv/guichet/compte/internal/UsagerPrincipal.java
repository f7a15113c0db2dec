package fr.gouv.guichet.compte.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in usager as kept in the (database-stored) session: an id, the address used to sign in (none for an
 * account created through FranceConnect without e-mail address) and the chosen département (ADR 0030: the profile is
 * taken from the session, not read again at each request). Never the password hash. Any change of these, a
 * deactivation or a deletion deletes the usager's sessions in the same transaction (database triggers, migration
 * V20261207_0201), so the profile kept here is never stale beyond the request in progress.
 *
 * @param profilEnSession false for a session opened before ADR 0030 (the record then had only {@code id} and
 *                        {@code email}; Java deserialization leaves the new components at their defaults): its
 *                        profile is read from the database, as before
 */
public record UsagerPrincipal(long id, @Nullable String email, @Nullable String codeDepartement, boolean profilEnSession)
        implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "ROLE_USAGER";

    /** The principal of a sign-in, with the profile read from the account at that moment. */
    static UsagerPrincipal de(Usager usager) {
        return new UsagerPrincipal(usager.id(), usager.email(), usager.codeDepartement(), true);
    }

    /** The same usager after choosing another département (the current session is kept, ADR 0030). */
    UsagerPrincipal avecDepartement(String code) {
        return new UsagerPrincipal(id, email, code, true);
    }

    public Collection<? extends GrantedAuthority> autorites() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    /** The session's principal name: the address, or a name of its own for an account without address. */
    @Override
    public String getName() {
        return nom(id, email);
    }

    /** Also computed by the revocation triggers ({@code usager_nom_de_session}): keep both in step. */
    public static String nom(long id, @Nullable String email) {
        return email != null ? email : "usager-sans-adresse:" + id;
    }
}
