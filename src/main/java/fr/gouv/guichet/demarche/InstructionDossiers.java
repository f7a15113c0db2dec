package fr.gouv.guichet.demarche;

import fr.gouv.guichet.demarche.internal.DossierRepository;
import fr.gouv.guichet.demarche.internal.HistoriqueRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Dossiers as the back office reaches them: any dossier by its id or number, its lifecycle, history, messages and
 * documents of the préfecture. Nothing here is scoped to a usager: callers check first that the agent may see the
 * dossier's préfecture (or, for a usager's page, that the dossier is theirs, read through {@link Dossiers}).
 */
@Service
public class InstructionDossiers {

    private final DossierRepository depot;
    private final HistoriqueRepository historique;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final TransitionsDossier transitions;
    private final fr.gouv.guichet.piece.AnalysesAntivirus analyses;

    InstructionDossiers(DossierRepository depot, HistoriqueRepository historique, ApplicationEventPublisher evenements,
                        Clock horloge, TransitionsDossier transitions, fr.gouv.guichet.piece.AnalysesAntivirus analyses) {
        this.depot = depot;
        this.historique = historique;
        this.evenements = evenements;
        this.horloge = horloge;
        this.transitions = transitions;
        this.analyses = analyses;
    }

    /** Any dossier by number (e.g. the authorization a renewal refers to); not for display to usagers. */
    public Optional<Dossier> parNumero(String numero) {
        return depot.parNumero(numero);
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
        return transitions.appliquer(dossierId, transition, acteur, acteurId, motif);
    }

    /**
     * Asks the guards features added to {@code transition} (without firing it): what the agent sees before deciding.
     *
     * @throws TransitionRefusee with the first guard's reason
     */
    public void verifierGardes(Dossier dossier, Transition transition) {
        transitions.verifierGardes(dossier, transition);
    }

    /**
     * Asks the usager for missing documents (CRPA L114-5): records what is asked and the deadline, then fires the
     * lifecycle's {@value CycleDeVie#DEMANDER_PIECES}. The implicit-rejection clock is suspended from now until the
     * documents arrive or the deadline passes, whichever comes first.
     */
    @Transactional
    public void demanderPieces(long dossierId, long agentId, String pieces, LocalDate echeance) {
        Transition demander = transitions.transitionCommune(dossierId, CycleDeVie.DEMANDER_PIECES);
        depot.ouvrirDemandePieces(dossierId, horloge.instant(), echeance, pieces, agentId);
        transitions.appliquer(dossierId, demander, TypeActeur.AGENT, agentId,
                pieces + " (à fournir au plus tard le " + DelaisDossier.DATE.format(echeance) + ")");
    }

    /** The dossier's latest request for documents, if any. */
    public Optional<DemandePieces> derniereDemandePieces(long dossierId) {
        return depot.derniereDemandePieces(dossierId);
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
