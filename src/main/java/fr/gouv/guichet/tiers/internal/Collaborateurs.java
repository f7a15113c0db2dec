package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The company's collaborators: each acts with their own Guichet account, after accepting an invitation sent to their
 * address (single use, 14 days). A usager acts for one company at most.
 */
@Service
public class Collaborateurs {

    static final Duration VALIDITE = Duration.ofDays(14);
    static final int INVITATIONS_PAR_JOUR = 50;
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,}");

    private final EntrepriseRepository depot;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final org.springframework.core.env.Environment env;

    Collaborateurs(EntrepriseRepository depot, ApplicationEventPublisher evenements, Clock horloge, org.springframework.core.env.Environment env) {
        this.depot = depot;
        this.evenements = evenements;
        this.horloge = horloge;
        this.env = env;
    }

    /** Why this address cannot be invited (French, next to the field), or empty once the invitation is sent. */
    @Transactional
    public Optional<String> inviter(Entreprise entreprise, String saisie, @Nullable Long invitePar) {
        String email = saisie.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Optional.of("Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.");
        }
        Instant maintenant = horloge.instant();
        if (depot.invitationsDuJour(entreprise.id(), maintenant.minus(Duration.ofDays(1))) >= INVITATIONS_PAR_JOUR) {
            return Optional.of("Vous avez envoyé " + INVITATIONS_PAR_JOUR + " invitations en 24 heures : réessayez demain.");
        }
        String jeton = Jetons.nouveau();
        depot.inviter(entreprise.id(), email, Jetons.empreinte(jeton), invitePar, maintenant, maintenant.plus(VALIDITE));
        evenements.publishEvent(new EvenementsTiers.CollaborateurInvite(0, email, entreprise.raisonSociale(),
                base() + "/usager/pro/invitations/" + jeton));
        return Optional.empty();
    }

    /** The pending invitation of this token, if it is one and still valid. */
    public Optional<EntrepriseRepository.Invitation> invitation(String jeton) {
        if (!Jetons.forme(jeton)) {
            return Optional.empty();
        }
        return depot.invitation(Jetons.empreinte(jeton)).filter(i -> i.accepteeLe() == null && i.expireLe().isAfter(horloge.instant()));
    }

    /**
     * The signed-in usager accepts: only with the address the invitation was sent to, and if they act for no company yet.
     * Returns the French reason of a refusal, or empty.
     */
    @Transactional
    public Optional<String> accepter(String jeton, long usagerId, String emailUsager) {
        var invitation = invitation(jeton).orElse(null);
        if (invitation == null) {
            return Optional.of("Cette invitation n’est plus valable : demandez à l’entreprise de vous inviter de nouveau.");
        }
        if (!invitation.email().equalsIgnoreCase(emailUsager)) {
            return Optional.of("Cette invitation a été envoyée à une autre adresse : connectez-vous avec le compte de cette adresse.");
        }
        if (!depot.ajouterCollaborateur(invitation.entreprise(), usagerId, "COLLABORATEUR", horloge.instant())) {
            return Optional.of("Votre compte agit déjà pour une entreprise : un compte n’agit que pour une seule.");
        }
        depot.accepter(invitation.id(), horloge.instant());
        return Optional.empty();
    }

    public String nomEntreprise(EntrepriseRepository.Invitation invitation) {
        return depot.parId(invitation.entreprise()).map(Entreprise::raisonSociale).orElse("");
    }

    @Transactional
    public boolean retirer(Entreprise entreprise, long usagerId) {
        return depot.retirerCollaborateur(entreprise.id(), usagerId);
    }

    /** Read at use: the public address may depend on the port the server got. */
    private String base() {
        return env.getProperty("guichet.url-publique", "http://localhost:8080");
    }
}
