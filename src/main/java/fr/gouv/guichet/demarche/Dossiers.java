package fr.gouv.guichet.demarche;

import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.demarche.internal.DossierRepository;
import fr.gouv.guichet.demarche.internal.HistoriqueRepository;
import fr.gouv.guichet.referentiel.Competences;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
 * Dossiers as seen by their usager. Every read and write is scoped to the usager: another usager's dossier is
 * simply not found.
 */
@Service
public class Dossiers {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DossierRepository depot;
    private final HistoriqueRepository historique;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final ObjectProvider<GardeTransition> gardes;
    private final Procedures procedures;
    private final Competences competences;
    private final QuotasDossiers quotas;
    private final fr.gouv.guichet.piece.AnalysesAntivirus analyses;

    Dossiers(DossierRepository depot, HistoriqueRepository historique, ApplicationEventPublisher evenements, Clock horloge,
             ObjectProvider<GardeTransition> gardes, Procedures procedures, Competences competences, QuotasDossiers quotas,
             fr.gouv.guichet.piece.AnalysesAntivirus analyses) {
        this.depot = depot;
        this.analyses = analyses;
        this.quotas = quotas;
        this.procedures = procedures;
        this.competences = competences;
        this.historique = historique;
        this.evenements = evenements;
        this.horloge = horloge;
        this.gardes = gardes;
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

    /** Any dossier by number (e.g. the authorization a renewal refers to); not for display to usagers. */
    public Optional<Dossier> parNumero(String numero) {
        return depot.parNumero(numero);
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

    public List<Historique.TransitionEnregistree> transitions(long dossierId) {
        return historique.transitions(dossierId);
    }

    public List<Historique.Message> messages(long dossierId) {
        return historique.messages(dossierId);
    }

    public List<Historique.PieceJointe> pieces(long dossierId) {
        return historique.pieces(dossierId);
    }

    public Optional<Historique.PieceJointe> piece(long dossierId, long pieceId) {
        return historique.piece(dossierId, pieceId);
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

    // ---- Back office (callers check the agent's préfecture first) ----

    /** The service instructeur of a deposited dossier, fixed at its deposit; empty for a draft. */
    public Optional<String> service(long dossierId) {
        return depot.service(dossierId);
    }

    /** Any deposited dossier, for instruction; the caller must have checked the agent may see its préfecture. */
    public Optional<Dossier> pourInstruction(long dossierId) {
        return depot.parId(dossierId).filter(d -> !d.estBrouillon());
    }

    /**
     * Fires a transition of the dossier's lifecycle: allowed only from its starting states and by its actor type; the
     * state change is atomic (a concurrent change makes it fail with {@link TransitionImpossible}), recorded and
     * published. A transition of another procedure's lifecycle is refused the same way.
     */
    @Transactional
    public Etat appliquer(long dossierId, Transition transition, TypeActeur acteur, long acteurId, @Nullable String motif) {
        Dossier dossier = depot.parId(dossierId).orElseThrow(DossierIntrouvable::new);
        if (!procedures.cycle(dossier.demarche()).contient(transition) || !transition.autoriseA(acteur)
                || !transition.possibleDepuis(dossier.etat())) {
            throw new TransitionImpossible(transition, dossier.etat());
        }
        verifierGardes(dossier, transition);
        Instant maintenant = horloge.instant();
        if (depot.changerEtat(dossierId, dossier.etat().code(), transition.vers().code(), maintenant) == 0) {
            throw new TransitionImpossible(transition, depot.parId(dossierId).map(Dossier::etat).orElse(dossier.etat()));
        }
        String texte = motif == null || motif.isBlank() ? transition.libelle() : transition.libelle() + " : " + motif.strip();
        long transitionId = depot.enregistrerTransition(dossierId, dossier.etat().code(), transition.vers().code(), acteur.name(),
                acteurId, texte, maintenant);
        if (dossier.etat().attendDesPieces() && !transition.vers().attendDesPieces()) {
            reprendreHorloge(dossierId, maintenant);
        }
        evenements.publishEvent(new Evenements.DossierTransitionne(dossierId, dossier.demarche(), transition.code(), acteur,
                dossier.etat().code(), transition.vers().code(), transitionId));
        return transition.vers();
    }

    /**
     * Asks the guards features added to {@code transition} (without firing it): what the agent sees before deciding.
     *
     * @throws TransitionRefusee with the first guard's reason
     */
    public void verifierGardes(Dossier dossier, Transition transition) {
        for (GardeTransition garde : gardes.orderedStream().toList()) {
            if (garde.transition().equals(transition)) {
                garde.refus(dossier).ifPresent(raison -> {
                    throw new TransitionRefusee(transition, dossier.etat(), raison);
                });
            }
        }
    }

    /**
     * Asks the usager for missing documents (CRPA L114-5): records what is asked and the deadline, then fires the
     * lifecycle's {@value CycleDeVie#DEMANDER_PIECES}. The implicit-rejection clock is suspended from now until the
     * documents arrive or the deadline passes, whichever comes first.
     */
    @Transactional
    public void demanderPieces(long dossierId, long agentId, String pieces, LocalDate echeance) {
        Transition demander = transitionCommune(dossierId, CycleDeVie.DEMANDER_PIECES);
        depot.ouvrirDemandePieces(dossierId, horloge.instant(), echeance, pieces, agentId);
        appliquer(dossierId, demander, TypeActeur.AGENT, agentId,
                pieces + " (à fournir au plus tard le " + DelaisDossier.DATE.format(echeance) + ")");
    }

    /** The documents arrived: the suspension ends, at the deadline at the latest (CRPA L114-5). */
    private void reprendreHorloge(long dossierId, Instant maintenant) {
        depot.derniereDemandePieces(dossierId).filter(d -> d.recuesLe() == null).ifPresent(d -> {
            LocalDate fin = java.util.Collections.min(List.of(maintenant.atZone(PARIS).toLocalDate(), d.echeance()));
            int jours = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(d.demandeeLe().atZone(PARIS).toLocalDate(), fin));
            depot.cloreDemandePieces(d.id(), dossierId, maintenant, jours);
        });
    }

    /** A transition every lifecycle with requests for documents declares under this code; refused when this one has none. */
    private Transition transitionCommune(long dossierId, String code) {
        Dossier dossier = depot.parId(dossierId).orElseThrow(DossierIntrouvable::new);
        return procedures.cycle(dossier.demarche()).transition(code).orElseThrow(() -> new TransitionImpossible(null, dossier.etat()));
    }

    /** The dossier's latest request for documents, if any. */
    public Optional<DemandePieces> derniereDemandePieces(long dossierId) {
        return depot.derniereDemandePieces(dossierId);
    }

    /** The usager says the requested documents have been sent: the dossier goes back to instruction. */
    @Transactional
    public void signalerPiecesTransmises(long dossierId, long usagerId) {
        depot.parIdEtUsager(dossierId, usagerId).orElseThrow(DossierIntrouvable::new);
        appliquer(dossierId, transitionCommune(dossierId, CycleDeVie.COMPLETER), TypeActeur.USAGER, usagerId, null);
        depot.marquerNouveauxElements(dossierId, horloge.instant());
    }

    /** An agent opened the dossier: what the usager sent is no longer new (the caller checked the agent's préfecture). */
    @Transactional
    public void vuParAgent(long dossierId) {
        depot.marquerVuParAgent(dossierId);
    }

    @Transactional
    public long messageAgent(long dossierId, long agentId, String texte) {
        long id = historique.ajouterMessage(dossierId, TypeActeur.AGENT, agentId, texte, horloge.instant());
        evenements.publishEvent(new Evenements.MessagePrefecture(dossierId, id));
        return id;
    }

    @Transactional
    public void definirPriorite(long dossierId, boolean prioritaire) {
        depot.definirPriorite(dossierId, prioritaire);
    }

    /**
     * Attaches a document issued by the préfecture (arrêté, decision letter, convention): the usager sees it with their
     * documents. Guichet rendered it, so it is recorded as safe here: an upload waits for its antivirus analysis before
     * it is served, a document of the administration must not (it would never be downloadable).
     */
    @Transactional
    public long joindreDocumentOfficiel(long dossierId, String code, String nom, long taille, String sha256, String cleStockage) {
        analyses.marquerProduitParGuichet(cleStockage);
        long id = historique.ajouterPiece(dossierId, code, nom, "PDF", taille, sha256, cleStockage, horloge.instant());
        evenements.publishEvent(new Evenements.DocumentOfficielJoint(dossierId, id, code));
        return id;
    }
}
