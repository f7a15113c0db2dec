package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The professional ends the convention d’habilitation (titres.md: by registered letter, two months' notice): the
 * manager notifies it from the professional space ({@link CycleHabilitation#RESILIER}, recorded with their reason), the
 * company files until the term of the notice, then the convention ends ({@link CycleHabilitation#FIN_CONVENTION}):
 * no more deposits, out of the public directory, its clients' dossiers stay readable by its collaborators (the
 * sources ask the professional to keep them 5 years). No scheduler runs in Guichet: the end is recorded the first time
 * the company is read after the term, and the filing rights are decided on the term itself.
 */
@Service
class Resiliations {

    static final int PREAVIS_MOIS = 2;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final InstructionDossiers dossiers;
    private final EntrepriseRepository entreprises;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    Resiliations(InstructionDossiers dossiers, EntrepriseRepository entreprises, TransactionTemplate transaction,
                 Clock horloge) {
        this.dossiers = dossiers;
        this.entreprises = entreprises;
        this.transaction = transaction;
        this.horloge = horloge;
    }

    static Instant finDuPreavis(Instant notification) {
        return notification.atZone(PARIS).plusMonths(PREAVIS_MOIS).toInstant();
    }

    /** The manager notifies the termination; the French reason of a refusal, or empty. */
    Optional<String> resilier(Entreprise entreprise, long gerant, String motif) {
        if (motif.strip().length() > 2000) {
            return Optional.of("Le motif compte 2 000 caractères au plus.");
        }
        if (entreprise.statut() != Entreprise.Statut.HABILITEE) {
            return Optional.of("Seule une habilitation en cours, non suspendue, se résilie ici ; pour une habilitation suspendue, "
                    + "écrivez à la préfecture depuis le dossier d’habilitation.");
        }
        try {
            transaction.executeWithoutResult(s -> dossiers.appliquer(entreprise.dossierHabilitation(), CycleHabilitation.RESILIER,
                    TypeActeur.USAGER, gerant, motif.isBlank() ? null : motif));
        } catch (TransitionImpossible e) {
            return Optional.of("L’habilitation a changé entre-temps : rechargez la page.");
        }
        return Optional.empty();
    }

    /** Ends the convention of this company if its notice is over (read paths call it: a no-op without a term). */
    Entreprise cloreSiEchue(Entreprise entreprise) {
        if (entreprise.finLe() == null || horloge.instant().isBefore(entreprise.finLe())
                || entreprise.statut() == Entreprise.Statut.RESILIEE || entreprise.statut() == Entreprise.Statut.RETIREE) {
            return entreprise;
        }
        try {
            transaction.executeWithoutResult(s -> dossiers.appliquer(entreprise.dossierHabilitation(), CycleHabilitation.FIN_CONVENTION,
                    TypeActeur.SYSTEME, 0, null));
        } catch (TransitionImpossible e) {
            // Another request ended it first: the row read again below says so.
        }
        return entreprises.parId(entreprise.id()).orElse(entreprise);
    }
}
