package fr.gouv.guichet.socle.oidc;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;

/**
 * A Guichet user (usager or agent principal) signed in through an identity provider. Keeps which client registration
 * and which ID token, for the logout at the provider ({@code id_token_hint}).
 */
public final class AuthentificationOidc extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Serializable principal;
    private final String registrationId;
    private final String jetonIdentite;

    public <P extends Principal & Serializable> AuthentificationOidc(P principal, Collection<? extends GrantedAuthority> autorites,
                                                                     String registrationId, String jetonIdentite) {
        super(autorites);
        this.principal = principal;
        this.registrationId = registrationId;
        this.jetonIdentite = jetonIdentite;
        setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return ((Principal) principal).getName();
    }

    public String registrationId() {
        return registrationId;
    }

    public String jetonIdentite() {
        return jetonIdentite;
    }
}
