package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import fr.gouv.guichet.socle.securite.FreinConnexion;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Médiateurs sign in with their e-mail and password; an inactive one gets the same answer as a wrong password. */
@Component
class AuthentificationMediateur implements AuthenticationProvider {

    static final String IDENTIFIANTS = "L’adresse électronique ou le mot de passe est incorrect.";

    private final MediateurRepository mediateurs;
    private final PasswordEncoder encodeur;
    private final FreinConnexion frein;
    private final String empreinteFactice;

    AuthentificationMediateur(MediateurRepository mediateurs, PasswordEncoder encodeur, FreinConnexion frein) {
        this.mediateurs = mediateurs;
        this.encodeur = encodeur;
        this.frein = frein;
        this.empreinteFactice = encodeur.encode("médiateur factice pour égaliser les temps de réponse");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = AdressesElectroniques.normaliser(authentication.getName());
        String motDePasse = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "inconnue";
        String cle = "mediateur:" + email;
        if (frein.estFreine(cle, ip)) {
            throw new LockedException("Trop de tentatives de connexion ont échoué : la connexion est suspendue pendant 15 minutes.");
        }
        Optional<MediateurRepository.Ligne> ligne = mediateurs.parEmail(email);
        String empreinte = ligne.map(MediateurRepository.Ligne::motDePasse).orElse(null);
        boolean correct = encodeur.matches(motDePasse, empreinte == null ? empreinteFactice : empreinte);
        if (ligne.isEmpty() || empreinte == null || !correct || !ligne.get().actif()) {
            frein.echec(cle, ip);
            throw new BadCredentialsException(IDENTIFIANTS);
        }
        frein.reussite(cle);
        MediateurRepository.Ligne l = ligne.get();
        MediateurConnecte connecte = new MediateurConnecte(l.id(), l.email(), l.nom(), l.lieuId());
        return UsernamePasswordAuthenticationToken.authenticated(connecte, null, connecte.autorites());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
