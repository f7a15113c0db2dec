package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.socle.securite.JetonsAUsageUnique;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Médiateur accounts (issue 16, point 3). The administrator of a préfecture invites a médiateur to one help place
 * of the préfecture's département; the médiateur chooses a password from the e-mailed link (7 days, once). A
 * médiateur account is not an agent account: it sees no dossier, only its own place's sessions and letters.
 */
@Service
public class Mediateurs {

    /** A médiateur was invited; the e-mail is sent by a listener through the outbox. */
    public record MediateurInvite(String email, String nom, String lieu, String invitant, String lien) {
    }

    public record Membre(long id, String email, String nom, String lieuNom, boolean actif) {
    }

    private final MediateurRepository depot;
    private final LieuRepository lieux;
    private final PasswordEncoder encodeur;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final org.springframework.core.env.Environment env;

    Mediateurs(MediateurRepository depot, LieuRepository lieux, PasswordEncoder encodeur, ApplicationEventPublisher evenements,
               Clock horloge, org.springframework.core.env.Environment env) {
        this.depot = depot;
        this.lieux = lieux;
        this.encodeur = encodeur;
        this.evenements = evenements;
        this.horloge = horloge;
        this.env = env;
    }

    /** The help places of a préfecture (those of its département, by postcode), for its administrator's choice. */
    public List<Lieu> lieuxDuService(String codeService) {
        return lieux.duDepartement(codeService);
    }

    public List<Membre> duService(AgentConnecte par, String codeService) {
        exigerAdministrateur(par, codeService);
        return depot.duService(codeService).stream()
                .map(l -> new Membre(l.id(), l.email(), l.nom(), l.lieuNom(), l.actif())).toList();
    }

    /** Invites a médiateur to a place of the service's département. */
    @Transactional
    public void inviter(AgentConnecte par, String codeService, String email, String nom, String lieuId) {
        exigerAdministrateur(par, codeService);
        Lieu lieu = lieux.duDepartement(codeService).stream().filter(l -> l.id().equals(lieuId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("Lieu d’un autre département"));
        long id = depot.creerOuRattacher(email, nom.strip(), lieu.id(), codeService);
        String jeton = jeton();
        depot.enregistrerInvitation(empreinte(jeton), id, horloge.instant().plus(Duration.ofDays(7)));
        evenements.publishEvent(new MediateurInvite(fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(email),
                nom.strip(), lieu.nom(), par.nom(), env.getProperty("guichet.url-publique", "http://localhost:8080") + "/mediateur/invitation?jeton=" + jeton));
    }

    @Transactional
    public void desactiver(AgentConnecte par, String codeService, long mediateurId) {
        exigerAdministrateur(par, codeService);
        if (!depot.desactiver(mediateurId, codeService)) {
            throw new AccessDeniedException("Médiateur d’un autre service");
        }
    }

    /** Demo data and tests: a médiateur with a password, attached to the place. */
    @Transactional
    public long creerAvecMotDePasse(String email, String nom, String lieuId, String codeService, String motDePasse) {
        long id = depot.creerOuRattacher(email, nom, lieuId, codeService);
        depot.definirMotDePasse(id, encodeur.encode(motDePasse));
        return id;
    }

    public boolean invitationValide(String jeton) {
        return depot.invitationValide(empreinte(jeton), horloge.instant()).isPresent();
    }

    public Optional<String> emailInvite(String jeton) {
        return depot.invitationValide(empreinte(jeton), horloge.instant()).flatMap(depot::parId)
                .map(MediateurRepository.Ligne::email);
    }

    @Transactional
    public boolean accepterInvitation(String jeton, String motDePasse) {
        return depot.utiliserInvitation(empreinte(jeton), horloge.instant()).map(id -> {
            depot.definirMotDePasse(id, encodeur.encode(motDePasse));
            return true;
        }).orElse(false);
    }

    /** The active médiateur of this id, reloaded (a deactivation applies at the next request). */
    public Optional<MediateurConnecte> actif(long id) {
        return depot.parId(id).filter(MediateurRepository.Ligne::actif)
                .map(l -> new MediateurConnecte(l.id(), l.email(), l.nom(), l.lieuId()));
    }

    public Optional<Lieu> lieu(String lieuId) {
        return lieux.parId(lieuId);
    }

    private static void exigerAdministrateur(AgentConnecte par, String codeService) {
        if (!par.administre(codeService)) {
            throw new AccessDeniedException("Réservé aux administrateurs de ce service");
        }
    }

    private static String jeton() {
        return JetonsAUsageUnique.nouveau();
    }

    private static String empreinte(String jeton) {
        return JetonsAUsageUnique.empreinte(jeton);
    }
}
