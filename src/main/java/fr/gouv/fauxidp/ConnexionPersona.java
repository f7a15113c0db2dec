package fr.gouv.fauxidp;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Instant;
import java.util.List;

/** Signs a persona in (no password: it is a demonstration provider). The principal name is the persona's sub. */
final class ConnexionPersona implements AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication authentication) {
        Persona persona = Personas.parCle(authentication.getName())
                .orElseThrow(() -> new BadCredentialsException("Identité inconnue"));
        // The factor's time is the ID token's auth_time (Spring Authorization Server 7 reads it there).
        return UsernamePasswordAuthenticationToken.authenticated(persona.sub(), null, List.of(
                new SimpleGrantedAuthority("ROLE_PERSONA"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(Instant.now()).build()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
