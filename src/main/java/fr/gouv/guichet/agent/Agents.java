package fr.gouv.guichet.agent;

import fr.gouv.guichet.agent.internal.AgentRepository;
import fr.gouv.guichet.agent.internal.AgentRepository.Membre;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Agent accounts. A service's administrator (préfecture, CERT…) invites and deactivates the agents of their service
 * (never of another one); the national administrator may act on any service.
 */
@Service
public class Agents {

    private static final SecureRandom ALEA = new SecureRandom();

    private final AgentRepository depot;
    private final PasswordEncoder encodeur;
    private final ApplicationEventPublisher evenements;
    private final Environment env;
    private final Clock horloge;
    private final ServicesInstructeurs services;

    /** An agent was invited to a service (named in {@code service}); the e-mail is sent by a listener, through the outbox. */
    public record AgentInvite(String email, String invitant, String role, String service, String lien, boolean compteExistant,
                              boolean aAccepter) {
    }

    Agents(AgentRepository depot, PasswordEncoder encodeur, ApplicationEventPublisher evenements, Environment env, Clock horloge,
           ServicesInstructeurs services) {
        this.depot = depot;
        this.services = services;
        this.encodeur = encodeur;
        this.evenements = evenements;
        this.env = env;
        this.horloge = horloge;
    }

    public Optional<AgentConnecte> actif(long id) {
        return depot.connecte(id);
    }

    public List<Membre> membres(AgentConnecte par, String codeService) {
        exigerAdministrateur(par, codeService);
        return depot.membres(codeService);
    }

    /** Creates (or re-attaches) an agent with a password: demo seeding and the national administrator bootstrap. */
    @Transactional
    public long creerAvecMotDePasse(String email, String nom, String motDePasse, boolean national) {
        long id = depot.creer(email, nom, null, national);
        depot.definirMotDePasse(id, encodeur.encode(motDePasse));
        return id;
    }

    @Transactional
    public void rattacher(long agentId, String codeService, RoleAgent role) {
        depot.rattacher(agentId, codeService, role);
    }

    /**
     * Invites an agent to a service (issue 10, point 10). A new agent, or one deactivated everywhere, is attached and
     * chooses a new password from the e-mailed link (valid 7 days; a deactivated agent's old password no longer works).
     * An active agent of another service is not attached without consent: the link proposes the attachment, which only
     * their acceptance records.
     */
    @Transactional
    public void inviter(AgentConnecte par, String codeService, String email, String nom, RoleAgent role) {
        exigerAdministrateur(par, codeService);
        String nomService = services.parCode(codeService)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Service inconnu")).libelle();
        Optional<AgentRepository.LigneAgent> existant = depot.parEmail(email);
        boolean actifAilleurs = existant.filter(a -> a.actif() && !depot.services(a.id()).containsKey(codeService)
                && (a.national() || !depot.services(a.id()).isEmpty())).isPresent();
        String adresse = fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(email);
        if (actifAilleurs) {
            String jeton = jeton();
            depot.enregistrerInvitation(empreinte(jeton), existant.get().id(), horloge.instant().plus(Duration.ofDays(7)),
                    codeService, role);
            evenements.publishEvent(new AgentInvite(adresse, par.nom(), role.libelle(), nomService,
                    base() + "/agent/invitation?jeton=" + jeton, true, true));
            return;
        }
        boolean desactive = existant.filter(a -> !a.actif()).isPresent();
        long id = depot.creer(email, nom, null, false);
        if (desactive) {
            depot.oublierMotDePasse(id);
        }
        depot.rattacher(id, codeService, role);
        depot.activer(id, true);
        boolean aDejaUnMotDePasse = depot.parId(id).map(a -> a.motDePasse() != null).orElse(false);
        String lien;
        if (aDejaUnMotDePasse) {
            lien = base() + "/agent/connexion";
        } else {
            String jeton = jeton();
            depot.enregistrerInvitation(empreinte(jeton), id, horloge.instant().plus(Duration.ofDays(7)), null, null);
            lien = base() + "/agent/invitation?jeton=" + jeton;
        }
        evenements.publishEvent(new AgentInvite(adresse, par.nom(), role.libelle(), nomService, lien, aDejaUnMotDePasse, false));
    }

    private static String jeton() {
        byte[] octets = new byte[32];
        ALEA.nextBytes(octets);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
    }

    /** An attachment proposed to an active agent, waiting for their acceptance (null when the link sets a password). */
    public Optional<String> rattachementPropose(String jeton) {
        return depot.invitationProposee(empreinte(jeton), horloge.instant());
    }

    /** The agent accepts the attachment proposed by the link: recorded now, not before. */
    @Transactional
    public boolean accepterRattachement(String jeton) {
        return depot.utiliserRattachement(empreinte(jeton), horloge.instant()).map(r -> {
            depot.rattacher(r.agentId(), r.codeService(), r.role());
            return true;
        }).orElse(false);
    }

    @Transactional
    public void desactiver(AgentConnecte par, String codeService, long agentId) {
        exigerAdministrateur(par, codeService);
        if (!depot.services(agentId).containsKey(codeService)) {
            throw new org.springframework.security.access.AccessDeniedException("Agent d’un autre service");
        }
        depot.detacher(agentId, codeService);
        if (depot.services(agentId).isEmpty()) {
            depot.activer(agentId, false);
        }
    }

    public boolean invitationValide(String jeton) {
        return depot.invitationValide(empreinte(jeton), horloge.instant()).isPresent();
    }

    @Transactional
    public boolean accepterInvitation(String jeton, String motDePasse) {
        return depot.utiliserInvitation(empreinte(jeton), horloge.instant()).map(id -> {
            depot.definirMotDePasse(id, encodeur.encode(motDePasse));
            return true;
        }).orElse(false);
    }

    private static void exigerAdministrateur(AgentConnecte par, String codeService) {
        if (!par.administre(codeService)) {
            throw new org.springframework.security.access.AccessDeniedException("Réservé aux administrateurs de ce service");
        }
    }

    private String base() {
        return env.getProperty("guichet.url-publique", "http://localhost:8080");
    }

    private static String empreinte(String jeton) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jeton.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
