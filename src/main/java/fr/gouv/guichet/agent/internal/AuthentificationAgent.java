package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.agent.AgentConnecte;
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

/** Agents sign in with their professional e-mail and password; inactive or unattached agents are refused. */
@Component
public class AuthentificationAgent implements AuthenticationProvider {

    static final String IDENTIFIANTS = "L’adresse électronique ou le mot de passe est incorrect.";

    private final AgentRepository agents;
    private final PasswordEncoder encodeur;
    private final FreinConnexion frein;
    private final String empreinteFactice;

    AuthentificationAgent(AgentRepository agents, PasswordEncoder encodeur, FreinConnexion frein) {
        this.agents = agents;
        this.encodeur = encodeur;
        this.frein = frein;
        this.empreinteFactice = encodeur.encode("agent factice pour égaliser les temps de réponse");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(authentication.getName());
        String motDePasse = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "inconnue";
        String cle = "agent:" + email;
        if (frein.estFreine(cle, ip)) {
            throw new LockedException("Trop de tentatives de connexion ont échoué : la connexion est suspendue pendant 15 minutes.");
        }
        Optional<AgentRepository.LigneAgent> agent = agents.parEmail(email);
        String empreinte = agent.map(AgentRepository.LigneAgent::motDePasse).orElse(null);
        boolean correct = encodeur.matches(motDePasse, empreinte == null ? empreinteFactice : empreinte);
        if (agent.isEmpty() || empreinte == null || !correct) {
            frein.echec(cle, ip);
            throw new BadCredentialsException(IDENTIFIANTS);
        }
        Optional<AgentConnecte> connecte = agents.connecte(agent.get().id());
        if (connecte.isEmpty() || (connecte.get().services().isEmpty() && !connecte.get().administrateurNational())) {
            // The same answer as a wrong password (issue 10, point 10): a deactivated agent's password is no oracle.
            frein.echec(cle, ip);
            throw new BadCredentialsException(IDENTIFIANTS);
        }
        frein.reussite(cle);
        return UsernamePasswordAuthenticationToken.authenticated(connecte.get(), null, connecte.get().autorites());
    }

    /**
     * The read-only part of a sign-in, for the start-up warm-up (ADR 0033): brake check, lookups of an address and an
     * id no agent can have, password checked against the dummy hash, the session's security context of a dummy agent
     * serialized and read back. No failure nor success is recorded.
     */
    void prechauffer() {
        String email = fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser("Prechauffage@Exemple.invalid");
        frein.estFreine("agent:" + email, "127.0.0.1");
        agents.parEmail(email).ifPresent(a -> {
            throw new IllegalStateException("Une adresse réservée a un compte d’agent : " + email);
        });
        agents.connecte(-1);
        encodeur.matches("mot de passe du préchauffage", empreinteFactice);
        AgentConnecte fictif = new AgentConnecte(-1, email, "Agent du préchauffage",
                java.util.Map.of("83", fr.gouv.guichet.agent.RoleAgent.INSTRUCTEUR), false);
        fr.gouv.guichet.socle.Prechauffage.allerRetourEnSession(fictif, fictif.autorites());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
