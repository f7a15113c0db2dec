package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.socle.securite.FreinConnexion;

import fr.gouv.guichet.compte.internal.ConnexionRefusee.Motif;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * E-mail + password sign-in. The password is checked before anything else is said about the account (an
 * unknown address costs the same hashing time), so that "not activated" is only told to its owner.
 */
@Component
class AuthentificationUsager implements AuthenticationProvider {

    private final UsagerRepository usagers;
    private final PasswordEncoder encodeur;
    private final FreinConnexion frein;
    private final String empreinteFactice;

    AuthentificationUsager(UsagerRepository usagers, PasswordEncoder encodeur, FreinConnexion frein) {
        this.usagers = usagers;
        this.encodeur = encodeur;
        this.frein = frein;
        this.empreinteFactice = encodeur.encode("mot de passe factice pour égaliser les temps de réponse");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(authentication.getName());
        String motDePasse = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "inconnue";
        if (frein.estFreine(email, ip)) {
            throw new ConnexionRefusee(Motif.FREINEE);
        }
        Optional<Usager> usager = usagers.parEmail(email);
        String empreinte = usager.map(Usager::motDePasse).orElse(null);
        boolean correct = encodeur.matches(motDePasse, empreinte == null ? empreinteFactice : empreinte);
        if (usager.isEmpty() || empreinte == null || !correct) {
            frein.echec(email, ip);
            throw new ConnexionRefusee(Motif.IDENTIFIANTS);
        }
        if (!usager.get().active()) {
            throw new ConnexionRefusee(Motif.NON_ACTIVE);
        }
        frein.reussite(email);
        UsagerPrincipal principal = UsagerPrincipal.de(usager.get());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.autorites());
    }

    /**
     * The read-only part of a sign-in, for the start-up warm-up (ADR 0033): brake check and account lookup of an
     * address no account can have (reserved domain {@code .invalid}), password checked against the dummy hash, the
     * session's security context of a dummy principal serialized and read back. No failure nor success is recorded.
     */
    void prechauffer() {
        String email = fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser("Prechauffage@Exemple.invalid");
        frein.estFreine(email, "127.0.0.1");
        usagers.parEmail(email).ifPresent(u -> {
            throw new IllegalStateException("Une adresse réservée a un compte : " + email);
        });
        encodeur.matches("mot de passe du préchauffage", empreinteFactice);
        UsagerPrincipal fictif = new UsagerPrincipal(-1, email, "83", true);
        fr.gouv.guichet.socle.Prechauffage.allerRetourEnSession(fictif, fictif.autorites());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
