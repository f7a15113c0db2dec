package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.compte.internal.EvenementsCompte.ActivationDemandee;
import fr.gouv.guichet.compte.internal.EvenementsCompte.ChangementEmailDemande;
import fr.gouv.guichet.compte.internal.EvenementsCompte.CompteSupprime;
import fr.gouv.guichet.compte.internal.EvenementsCompte.InscriptionEnDouble;
import fr.gouv.guichet.compte.internal.EvenementsCompte.MotDePasseModifie;
import fr.gouv.guichet.compte.internal.EvenementsCompte.ReinitialisationDemandee;
import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.Optional;

/** Account use cases. Each one commits its change and its e-mail event together (outbox). */
@Service
public class ServiceCompte {

    /** Minimum delay between two activation e-mails for one account, and the daily cap. */
    static final Duration DELAI_RENVOI = Duration.ofMinutes(2);
    static final int RENVOIS_PAR_JOUR = 5;

    private final UsagerRepository usagers;
    private final Jetons jetons;
    private final PasswordEncoder encodeur;
    private final ApplicationEventPublisher evenements;

    private final fr.gouv.guichet.socle.securite.FreinConnexion frein;

    ServiceCompte(UsagerRepository usagers, Jetons jetons, PasswordEncoder encodeur, ApplicationEventPublisher evenements,
                  fr.gouv.guichet.socle.securite.FreinConnexion frein) {
        this.frein = frein;
        this.usagers = usagers;
        this.jetons = jetons;
        this.encodeur = encodeur;
        this.evenements = evenements;
    }

    /**
     * Creates a not-yet-activated account and e-mails its activation link. For an address that already has an
     * account, nothing is created and its owner is told by e-mail: the caller sees the same outcome either way.
     */
    @Transactional
    public void inscrire(String saisie, String motDePasse) {
        String email = AdressesElectroniques.normaliser(saisie);
        String empreinte = encodeur.encode(motDePasse);
        Optional<Long> id = usagers.creer(email, empreinte);
        if (id.isPresent()) {
            evenements.publishEvent(new ActivationDemandee(email, jetons.emettre(id.get(), TypeJeton.ACTIVATION, null)));
        } else {
            evenements.publishEvent(new InscriptionEnDouble(email));
        }
    }

    public boolean jetonValide(String jeton, TypeJeton type) {
        return jetons.verifier(jeton, type).isPresent();
    }

    @Transactional
    public boolean activer(String jeton) {
        return jetons.utiliser(jeton, TypeJeton.ACTIVATION).map(j -> {
            usagers.activer(j.usagerId());
            return true;
        }).orElse(false);
    }

    /** Sends a new activation link to a not-yet-activated account, at most every 2 minutes and 5 times a day. */
    @Transactional
    public void renvoyerActivation(String email) {
        usagers.parEmail(email).filter(u -> !u.active()).ifPresent(u -> {
            if (jetons.emisDepuis(u.id(), TypeJeton.ACTIVATION, DELAI_RENVOI) == 0
                    && jetons.emisDepuis(u.id(), TypeJeton.ACTIVATION, Duration.ofDays(1)) < RENVOIS_PAR_JOUR) {
                evenements.publishEvent(new ActivationDemandee(u.email(), jetons.emettre(u.id(), TypeJeton.ACTIVATION, null)));
            }
        });
    }

    /** E-mails a reset link if the account exists (same outcome for the caller either way), at most every 2 minutes. */
    @Transactional
    public void demanderReinitialisation(String email) {
        usagers.parEmail(email).ifPresent(u -> {
            if (jetons.emisDepuis(u.id(), TypeJeton.REINITIALISATION, DELAI_RENVOI) == 0) {
                evenements.publishEvent(new ReinitialisationDemandee(u.email(), jetons.emettre(u.id(), TypeJeton.REINITIALISATION, null)));
            }
        });
    }

    /** Sets a new password from a reset link; the link also activates the account (it proves the address). */
    @Transactional
    public boolean reinitialiser(String jeton, String motDePasse) {
        return jetons.utiliser(jeton, TypeJeton.REINITIALISATION).map(j -> {
            usagers.changerMotDePasse(j.usagerId(), encodeur.encode(motDePasse));
            usagers.activer(j.usagerId());
            String email = usagers.emailDe(j.usagerId());
            revoquerLiens(j.usagerId());
            if (email != null) {
                evenements.publishEvent(new MotDePasseModifie(email));
            }
            return true;
        }).orElse(false);
    }

    public Optional<String> emailPourJetonReinitialisation(String jeton) {
        return jetons.verifier(jeton, TypeJeton.REINITIALISATION).map(j -> usagers.emailDe(j.usagerId()));
    }

    public boolean motDePasseCorrect(long usagerId, String motDePasse) {
        return usagers.parId(usagerId).map(u -> u.motDePasse() != null && encodeur.matches(motDePasse, u.motDePasse()))
                .orElse(false);
    }

    /** False for an account created through FranceConnect that has not chosen a password yet. */
    public boolean aUnMotDePasse(long usagerId) {
        return usagers.parId(usagerId).map(u -> u.motDePasse() != null).orElse(false);
    }

    /** Outcome of a current-password check on « Mon compte ». */
    public enum Confirmation { CORRECTE, INCORRECTE, FREINEE }

    /**
     * The current-password check of « Mon compte », under the sign-in throttle (a stolen session must not become an
     * unthrottled password oracle). An account without password (FranceConnect only) is confirmed by its session.
     */
    public Confirmation confirmationFreinee(long usagerId, String motDePasse, String ip) {
        if (!aUnMotDePasse(usagerId)) {
            return Confirmation.CORRECTE;
        }
        String email = usagers.emailDe(usagerId);
        if (email == null) {
            return Confirmation.INCORRECTE;
        }
        if (frein.estFreine(email, ip)) {
            return Confirmation.FREINEE;
        }
        if (motDePasseCorrect(usagerId, motDePasse)) {
            return Confirmation.CORRECTE;
        }
        frein.echec(email, ip);
        return Confirmation.INCORRECTE;
    }

    /**
     * Confirms a sensitive change (e-mail, deletion) with the account's password; an account without password
     * (FranceConnect only) is confirmed by its open session, which FranceConnect authenticated.
     */
    public boolean confirmation(long usagerId, String motDePasse) {
        return !aUnMotDePasse(usagerId) || motDePasseCorrect(usagerId, motDePasse);
    }

    /** Changes the password from « Mon compte »: every pending link and every other session is revoked. */
    @Transactional
    public void changerMotDePasse(long usagerId, String nouveau, @org.jspecify.annotations.Nullable String sessionCourante) {
        usagers.conserverSession(sessionCourante);
        usagers.changerMotDePasse(usagerId, encodeur.encode(nouveau));
        usagers.parId(usagerId).ifPresent(u -> {
            revoquerLiens(usagerId);
            if (u.email() != null) {
                evenements.publishEvent(new MotDePasseModifie(u.email()));
            }
        });
    }

    /**
     * Account recovery evicts whoever knew the old password: every pending link (e-mail change, reset, activation)
     * is revoked. The sessions are closed by the password change itself (database trigger, ADR 0030), all of them but
     * the one the usager named with {@link UsagerRepository#conserverSession}.
     */
    private void revoquerLiens(long usagerId) {
        for (TypeJeton type : TypeJeton.values()) {
            jetons.revoquer(usagerId, type);
        }
    }

    /** Sends a confirmation link to the new address; the account keeps the old one until it is confirmed. */
    @Transactional
    public void demanderChangementEmail(long usagerId, String saisie) {
        String nouvelEmail = AdressesElectroniques.normaliser(saisie);
        usagers.parId(usagerId).ifPresent(u -> evenements.publishEvent(new ChangementEmailDemande(
                u.email(), nouvelEmail, jetons.emettre(usagerId, TypeJeton.CHANGEMENT_EMAIL, nouvelEmail))));
    }

    public enum ResultatChangementEmail { CONFIRME, LIEN_INVALIDE, ADRESSE_PRISE }

    @Transactional
    public ResultatChangementEmail confirmerChangementEmail(String jeton) {
        Optional<Jetons.JetonValide> valide = jetons.utiliser(jeton, TypeJeton.CHANGEMENT_EMAIL);
        if (valide.isEmpty() || valide.get().nouvelEmail() == null) {
            return ResultatChangementEmail.LIEN_INVALIDE;
        }
        boolean change = usagers.changerEmail(valide.get().usagerId(), valide.get().nouvelEmail());
        return change ? ResultatChangementEmail.CONFIRME : ResultatChangementEmail.ADRESSE_PRISE;
    }

    @Transactional
    public void supprimer(long usagerId) {
        usagers.parId(usagerId).ifPresent(u -> {
            evenements.publishEvent(new fr.gouv.guichet.compte.CompteEnSuppression(usagerId));
            usagers.supprimer(usagerId);
            if (u.email() != null) {
                evenements.publishEvent(new CompteSupprime(u.email()));
            }
        });
    }

    /**
     * Records the chosen département. The usager's other sessions are closed by the change (database trigger, ADR 0030);
     * {@code sessionCourante} stays open and the caller puts the new département in it ({@link ProfilEnSession}).
     */
    @Transactional
    public void choisirDepartement(long usagerId, String code, @org.jspecify.annotations.Nullable String sessionCourante) {
        usagers.conserverSession(sessionCourante);
        usagers.choisirDepartement(usagerId, code);
    }
}
