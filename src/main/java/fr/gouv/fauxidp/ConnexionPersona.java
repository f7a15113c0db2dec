package fr.gouv.fauxidp;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Instant;

/** Signs a persona in (no password: it is a demonstration provider). The principal name is the persona's sub. */
final class ConnexionPersona implements AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication authentication) {
        Persona persona = Personas.parCle(authentication.getName())
                .orElseThrow(() -> new BadCredentialsException("Identité inconnue"));
        UsernamePasswordAuthenticationToken connecte = UsernamePasswordAuthenticationToken.authenticated(
                persona.sub(), null, AuthorityUtils.createAuthorityList("ROLE_PERSONA"));
        connecte.setDetails(Instant.now());
        return connecte;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
