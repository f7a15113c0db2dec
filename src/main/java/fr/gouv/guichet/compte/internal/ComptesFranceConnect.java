package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.socle.securite.FreinConnexion;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Usager accounts and FranceConnect identities. An identity is found by its {@code sub}; a new one gets a new
 * account (no password) unless its e-mail is already an account's: the e-mail alone never opens an existing
 * account, its owner must prove it with the account's password ({@link #rattacher}). An identity without e-mail
 * gets an account without address (issue 16, point 4): its notifications go where the usager chooses.
 */
@Service
public class ComptesFranceConnect {

    /** Outcome of a FranceConnect sign-in. */
    public sealed interface Issue {
        /** Signed in to this account (found by sub, or just created), with its profile as the session keeps it. */
        record Connecte(UsagerPrincipal principal) implements Issue {
        }

        /** An account already uses this e-mail: its password is needed once to link it. */
        record RattachementRequis(String email) implements Issue {
        }
    }

    public enum Statut { RELIE, MOT_DE_PASSE_INCORRECT, FREINE, SANS_MOT_DE_PASSE, DEJA_RELIE }

    public record Rattachement(Statut statut, @Nullable UsagerPrincipal principal) {
    }

    public enum Suppression { SUPPRIME, SANS_MOT_DE_PASSE, AUCUN_LIEN }

    private final FranceConnectRepository identites;
    private final UsagerRepository usagers;
    private final PasswordEncoder encodeur;
    private final FreinConnexion frein;
    private final String empreinteFactice;

    ComptesFranceConnect(FranceConnectRepository identites, UsagerRepository usagers, PasswordEncoder encodeur,
                         FreinConnexion frein) {
        this.identites = identites;
        this.usagers = usagers;
        this.encodeur = encodeur;
        this.frein = frein;
        this.empreinteFactice = encodeur.encode("mot de passe factice pour égaliser les temps de réponse");
    }

    @Transactional
    public Issue connecter(IdentiteFranceConnect identite) {
        Optional<Long> relie = identites.usagerDuSub(identite.sub());
        if (relie.isPresent()) {
            identites.mettreAJour(identite);
            return usagers.parId(relie.get()).<Issue>map(u -> new Issue.Connecte(UsagerPrincipal.de(u)))
                    .orElseThrow(() -> new IllegalStateException("Identité FranceConnect sans compte"));
        }
        if (identite.email() == null) {
            long id = usagers.creerSansAdresse();
            identites.relier(id, identite);
            return new Issue.Connecte(new UsagerPrincipal(id, null, null, true));
        }
        Optional<Long> cree = usagers.creerActiveSansMotDePasse(identite.email());
        if (cree.isEmpty()) {
            return new Issue.RattachementRequis(identite.email());
        }
        identites.relier(cree.get(), identite);
        return new Issue.Connecte(new UsagerPrincipal(cree.get(),
                fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(identite.email()), null, true));
    }

    /** Links the identity to the account of its e-mail, if {@code motDePasse} is that account's password. */
    @Transactional
    public Rattachement rattacher(IdentiteFranceConnect identite, String motDePasse, String ip) {
        String email = fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(identite.email());
        if (frein.estFreine(email, ip)) {
            return new Rattachement(Statut.FREINE, null);
        }
        Optional<Usager> usager = usagers.parEmail(email);
        String empreinte = usager.map(Usager::motDePasse).orElse(null);
        boolean correct = encodeur.matches(motDePasse, empreinte == null ? empreinteFactice : empreinte);
        if (usager.isPresent() && empreinte == null) {
            return new Rattachement(Statut.SANS_MOT_DE_PASSE, null);
        }
        if (usager.isEmpty() || !correct) {
            frein.echec(email, ip);
            return new Rattachement(Statut.MOT_DE_PASSE_INCORRECT, null);
        }
        frein.reussite(email);
        if (!identites.relier(usager.get().id(), identite)) {
            return new Rattachement(Statut.DEJA_RELIE, null);
        }
        usagers.activer(usager.get().id());
        return new Rattachement(Statut.RELIE, UsagerPrincipal.de(usager.get()));
    }

    public Optional<IdentiteFranceConnect> identite(long usagerId) {
        return identites.deUsager(usagerId);
    }

    /** Removes the link, unless it is the account's only way to sign in (no password yet). */
    @Transactional
    public Suppression supprimerLien(long usagerId) {
        if (identites.deUsager(usagerId).isEmpty()) {
            return Suppression.AUCUN_LIEN;
        }
        // Without address, a password cannot sign in: FranceConnect stays the only way.
        if (usagers.parId(usagerId).map(u -> u.motDePasse() == null || u.email() == null).orElse(true)) {
            return Suppression.SANS_MOT_DE_PASSE;
        }
        identites.supprimer(usagerId);
        return Suppression.SUPPRIME;
    }
}
