package fr.gouv.guichet.demarche;

import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.demarche.internal.DossierRepository;
import fr.gouv.guichet.demarche.internal.HistoriqueRepository;
import fr.gouv.guichet.referentiel.Competences;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Dossiers as seen by their usager: drafts, deposit, the usager's messages and documents. Every read and write is
 * scoped to the usager: another usager's dossier is simply not found. The back office's access (any dossier, once the
 * caller has checked the agent's préfecture) is {@link InstructionDossiers}.
 */
@Service
public class Dossiers {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DossierRepository depot;
    private final HistoriqueRepository historique;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final TransitionsDossier transitions;
    private final Procedures procedures;
    private final Competences competences;
    private final QuotasDossiers quotas;

    Dossiers(DossierRepository depot, HistoriqueRepository historique, ApplicationEventPublisher evenements, Clock horloge,
             TransitionsDossier transitions, Procedures procedures, Competences competences, QuotasDossiers quotas) {
        this.depot = depot;
        this.quotas = quotas;
        this.procedures = procedures;
        this.competences = competences;
        this.historique = historique;
        this.evenements = evenements;
        this.horloge = horloge;
        this.transitions = transitions;
    }

    @Transactional
    public long creerBrouillon(long usagerId, String codeDepartement, String demarche, String formulaireId,
                               String formulaireVersion, Map<String, Object> reponses, @Nullable String referenceAutorisation,
                               @Nullable LocalDate dateArrete) {
        procedures.cycle(demarche);
        quotas.verrouillerLeCompte(usagerId);
        quotas.refusBrouillon(usagerId).ifPresent(refus -> {
            throw new QuotaAtteint(refus);
        });
        long id = depot.creer(usagerId, codeDepartement, demarche, formulaireId, formulaireVersion, reponses,
                referenceAutorisation, dateArrete);
        depot.enregistrerTransition(id, null, CycleDeVie.BROUILLON, TypeActeur.USAGER.name(), usagerId, "Création du brouillon",
                horloge.instant());
        return id;
    }

    public Optional<Dossier> deLUsager(long dossierId, long usagerId) {
        return depot.parIdEtUsager(dossierId, usagerId);
    }

    /** The usager's dossier and the name of its service instructeur, in one statement. */
    public Optional<DossierEtService> deLUsagerAvecService(long dossierId, long usagerId) {
        return depot.parIdEtUsagerAvecService(dossierId, usagerId);
    }

    /**
     * Marks a side effect as done (e.g. an e-mail sent), in the caller's transaction; false if it already was. Outbox
     * listeners claim their effect with it before acting, so that a resubmitted publication acts once.
     */
    @Transactional
    public boolean marquerEffet(String cle) {
        return depot.marquerEffet(cle);
    }

    /** A usager's most recent drafts, newest change first, without counting them. */
    public List<ResumeDossier> brouillonsDeLUsager(long usagerId, int nombre) {
        return depot.resumesDeLUsager(usagerId, true, nombre, 0);
    }

    /**
     * One page of a usager's drafts ({@code brouillons}) or deposited dossiers, {@code parPage} lines, newest change
     * first; a page number past the end gives the last page.
     */
    public PageResumes pageDeLUsager(long usagerId, boolean brouillons, int page, int parPage) {
        long total = depot.compterDeLUsager(usagerId, brouillons);
        int pages = (int) Math.max(1, (total + parPage - 1) / parPage);
        int numero = Math.clamp(page, 1, pages);
        return new PageResumes(depot.resumesDeLUsager(usagerId, brouillons, parPage, (long) (numero - 1) * parPage),
                numero, pages, total);
    }

    /** Saves a draft's answers unless it was saved elsewhere since {@code versionLue}. */
    @Transactional
    public ResultatEnregistrement enregistrer(long dossierId, long usagerId, int versionLue, Map<String, Object> reponses) {
        if (depot.enregistrer(dossierId, usagerId, versionLue, reponses, horloge.instant()) == 1) {
            return new ResultatEnregistrement(ResultatEnregistrement.Statut.ENREGISTRE, versionLue + 1, null);
        }
        Dossier actuel = depot.parIdEtUsager(dossierId, usagerId).orElseThrow(DossierIntrouvable::new);
        ResultatEnregistrement.Statut statut = actuel.estBrouillon() ? ResultatEnregistrement.Statut.CONFLIT
                : ResultatEnregistrement.Statut.VERROUILLE;
        return new ResultatEnregistrement(statut, actuel.version(), actuel);
    }

    @Transactional
    public boolean supprimerBrouillon(long dossierId, long usagerId) {
        Optional<Dossier> brouillon = depot.parIdEtUsager(dossierId, usagerId).filter(Dossier::estBrouillon);
        if (brouillon.isEmpty() || depot.supprimerBrouillon(dossierId, usagerId) != 1) {
            return false;
        }
        evenements.publishEvent(new Evenements.BrouillonSupprime(dossierId, brouillon.get().demarche()));
        return true;
    }

    /**
     * Deposits a draft prepared by the application itself (demonstration data, tests): its answers are not checked.
     * Usagers' deposits go through {@link #deposer(long, long, UUID, String, Predicate)}.
     */
    @Transactional
    public NumeroDossier deposer(long dossierId, long usagerId, UUID cleValidation, String prefixe) {
        return deposer(dossierId, usagerId, cleValidation, prefixe, dossier -> true);
    }

    /**
     * Deposits a draft: locks its row, checks the very answers it read with {@code valide} (an autosave arriving
     * meanwhile waits for the lock, then finds the dossier locked for good), gives it its national number, records
     * the transition and publishes {@link DossierDepose} (récépissé) in the same transaction. Idempotent: a second
     * call (double click, retry) returns the same number and changes nothing.
     *
     * @throws ReponsesNonValides if the answers read do not pass {@code valide}: nothing is deposited
     */
    @Transactional
    public NumeroDossier deposer(long dossierId, long usagerId, UUID cleValidation, String prefixe, Predicate<Dossier> valide) {
        Dossier dossier = depot.verrouillerPourUsager(dossierId, usagerId).orElseThrow(DossierIntrouvable::new);
        if (!dossier.estBrouillon()) {
            if (dossier.numero() == null) {
                throw new TransitionImpossible(transitionDeposer(dossier), dossier.etat());
            }
            return new NumeroDossier(dossier.numero());
        }
        // Cannot fail while the row is locked; refuse rather than deposit answers nobody checked.
        return deposerBrouillon(dossier, usagerId, cleValidation, prefixe, valide, ReponsesNonValides::new);
    }

    /**
     * Deposits the draft {@code lu} that the caller has just read for this usager, without reading nor locking it again
     * (ADR 0031): the deposit's update is conditioned on the version read, so the answers deposited are exactly those
     * {@code valide} checks. Same effects as {@link #deposer(long, long, UUID, String, Predicate)}.
     *
     * @throws DepotConcurrent    if the draft was saved or deposited since it was read: nothing is deposited (the number
     *                            taken is rolled back with the transaction); the caller reads it again
     * @throws ReponsesNonValides if the answers read do not pass {@code valide}
     */
    @Transactional
    public NumeroDossier deposer(Dossier lu, long usagerId, UUID cleValidation, String prefixe, Predicate<Dossier> valide) {
        if (!lu.estBrouillon()) {
            throw new DepotConcurrent();
        }
        return deposerBrouillon(lu, usagerId, cleValidation, prefixe, valide, DepotConcurrent::new);
    }

    private Transition transitionDeposer(Dossier dossier) {
        return procedures.cycle(dossier.demarche()).transition(CycleDeVie.DEPOSER).orElseThrow();
    }

    private NumeroDossier deposerBrouillon(Dossier dossier, long usagerId, UUID cleValidation, String prefixe,
                                           Predicate<Dossier> valide, Supplier<RuntimeException> siModifie) {
        Transition deposer = transitionDeposer(dossier);
        if (!valide.test(dossier)) {
            throw new ReponsesNonValides();
        }
        Instant maintenant = horloge.instant();
        // The service instructeur: the competence row in force on the deposit date for the procedure's family.
        String service = competences.serviceCompetent(procedures.get(dossier.demarche()).famille(), dossier.codeDepartement(),
                maintenant.atZone(PARIS).toLocalDate()).orElseThrow(AucunServiceCompetent::new);
        int annee = maintenant.atZone(PARIS).getYear();
        NumeroDossier numero = NumeroDossier.de(prefixe, dossier.codeDepartement(), annee,
                depot.prochainNumero(prefixe, dossier.codeDepartement(), annee));
        if (depot.deposer(dossier.id(), usagerId, dossier.version(), numero.valeur(), cleValidation, maintenant, service) == 0) {
            throw siModifie.get();
        }
        depot.enregistrerTransition(dossier.id(), CycleDeVie.BROUILLON, CycleDeVie.DEPOSE, TypeActeur.USAGER.name(), usagerId,
                deposer.libelle(), maintenant);
        depot.emettreDocument(CodesVerification.nouveau(), DocumentsEmis.RECEPISSE, dossier.id(), numero.valeur(),
                dossier.codeDepartement(), maintenant);
        evenements.publishEvent(new DossierDepose(dossier.id(), numero.valeur(), dossier.demarche()));
        return numero;
    }

    /**
     * Hands a dossier deposited by someone acting for another person (a professional for their client, with a mandate)
     * to its holder: the holder's account, or none when they have none (they follow it through the link they were
     * sent). Only the account that deposited it may hand it, once, after the deposit; false otherwise.
     */
    @Transactional
    public boolean confier(long dossierId, long deposantId, @Nullable Long titulaireId) {
        return depot.confier(dossierId, deposantId, titulaireId) == 1;
    }

    /** A message from the usager to the préfecture, possible until the préfecture decides. */
    @Transactional
    public long envoyerMessage(long dossierId, long usagerId, String texte) {
        Dossier dossier = depot.parIdEtUsager(dossierId, usagerId).orElseThrow(DossierIntrouvable::new);
        if (!dossier.etat().accepteDesComplements()) {
            throw new TransitionImpossible(null, dossier.etat());
        }
        long id = historique.ajouterMessage(dossierId, TypeActeur.USAGER, usagerId, texte, horloge.instant());
        depot.marquerNouveauxElements(dossierId, horloge.instant());
        evenements.publishEvent(new Evenements.MessageUsager(dossierId, id));
        return id;
    }

    /** Records a document already stored; possible until the préfecture decides. */
    @Transactional
    public long ajouterPiece(long dossierId, long usagerId, String codePiece, String nom, String typeContenu, long taille,
                             String sha256, String cleStockage) {
        Dossier dossier = depot.parIdEtUsager(dossierId, usagerId).orElseThrow(DossierIntrouvable::new);
        return ajouterPiece(dossier, usagerId, codePiece, nom, typeContenu, taille, sha256, cleStockage);
    }

    /**
     * Records a document already stored in the dossier {@code lu} that the caller has just read for this usager (the
     * page's access check), without reading it again (ADR 0031): its row is flagged and locked by an update conditioned
     * on the usager and the version read, so that a state change made since (every one increments the version) is seen
     * — the dossier is then read again and checked — and none can happen before this transaction ends.
     */
    @Transactional
    public long ajouterPiece(Dossier lu, long usagerId, String codePiece, String nom, String typeContenu, long taille,
                             String sha256, String cleStockage) {
        Instant maintenant = horloge.instant();
        Dossier dossier = lu;
        if (depot.marquerNouveauxElementsSiInchange(lu.id(), usagerId, lu.version(), maintenant) == 0) {
            dossier = depot.parIdEtUsager(lu.id(), usagerId).orElseThrow(DossierIntrouvable::new);
            depot.marquerNouveauxElements(dossier.id(), maintenant);
        }
        if (!dossier.etat().accepteDesComplements()) {
            throw new TransitionImpossible(null, dossier.etat());
        }
        // Checked again here, under the account's lock: the page's check before reading the file does not see a
        // concurrent upload of the same account.
        quotas.verrouillerLeCompte(usagerId);
        quotas.refusPiece(dossier.id(), usagerId, taille).ifPresent(refus -> {
            throw new QuotaAtteint(refus);
        });
        long id = historique.ajouterPiece(dossier.id(), codePiece, nom, typeContenu, taille, sha256, cleStockage, maintenant);
        evenements.publishEvent(new Evenements.PieceAjoutee(dossier.id(), id, dossier.demarche()));
        return id;
    }

    /** The usager says the requested documents have been sent: the dossier goes back to instruction. */
    @Transactional
    public void signalerPiecesTransmises(long dossierId, long usagerId) {
        depot.parIdEtUsager(dossierId, usagerId).orElseThrow(DossierIntrouvable::new);
        transitions.appliquer(dossierId, transitions.transitionCommune(dossierId, CycleDeVie.COMPLETER), TypeActeur.USAGER,
                usagerId, null);
        depot.marquerNouveauxElements(dossierId, horloge.instant());
    }
}
