package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.commission.AvisCommission;
import fr.gouv.guichet.commission.AvisVise;
import fr.gouv.guichet.commission.Commissions;
import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.DemandePieces;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.demarche.TransitionRefusee;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Fires instruction transitions for an agent (the state machine in {@code demarche} guards them), recording the
 * préfet's acts for the decisions in the same transaction; the acts' PDFs are rendered after it ({@link ProductionActes}).
 */
@Service
public class Decisions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    /** What an agent may give with an action (the commission's opinion is not given: the recorded one is cited). */
    public record Parametres(String motif, @Nullable LocalDate finProvisoire, @Nullable LocalDate echeancePieces,
                             List<FondementRefus> fondements) {
    }

    /** A decision that cannot be taken as asked, with the French reason shown to the agent. */
    public static class DecisionImpossible extends RuntimeException {
        public DecisionImpossible(String message) {
            super(message);
        }
    }

    private final InstructionDossiers dossiers;
    private final RedactionDecisions redaction;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final Commissions commissions;
    private final ProductionActes production;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    Decisions(InstructionDossiers dossiers, RedactionDecisions redaction, ApplicationEventPublisher evenements,
              Clock horloge, Commissions commissions, ProductionActes production,
              org.springframework.transaction.support.TransactionTemplate transaction) {
        this.production = production;
        this.transaction = transaction;
        this.dossiers = dossiers;
        this.commissions = commissions;
        this.redaction = redaction;
        this.evenements = evenements;
        this.horloge = horloge;
    }

    /**
     * Checks, without acting, that the decision may be issued as asked (state, guards of the lifecycle, what the agent
     * must give): what the preview runs before showing the act.
     *
     * @throws fr.gouv.guichet.demarche.TransitionImpossible (or {@link TransitionRefusee}) and {@link DecisionImpossible}
     */
    public void verifier(Dossier dossier, Transition transition, Parametres p) {
        if (!transition.autoriseA(TypeActeur.AGENT) || !transition.possibleDepuis(dossier.etat())) {
            throw new fr.gouv.guichet.demarche.TransitionImpossible(transition, dossier.etat());
        }
        dossiers.verifierGardes(dossier, transition);
        if (transition.equals(CycleVideoprotection.REFUSER) && p.fondements().isEmpty()) {
            throw new DecisionImpossible("Choisissez le fondement juridique du refus (au moins un) : la décision cite son article.");
        }
    }

    /**
     * Records the decision and its act in one transaction, then, that transaction committed, renders the act's PDF
     * (issue 10, point 4: no transaction ever waits on a render). Returns false when the decision is recorded but its
     * act could not be rendered yet: the {@code actes-production} task attaches it within minutes.
     */
    public boolean appliquer(Dossier dossier, Transition transition, AgentConnecte agent, Parametres p) {
        List<Long> actes = java.util.Objects.requireNonNull(transaction.execute(statut -> enregistrer(dossier, transition, agent, p)));
        boolean produits = true;
        for (long acte : actes) {
            produits &= production.produire(acte);
        }
        return produits;
    }

    private List<Long> enregistrer(Dossier dossier, Transition transition, AgentConnecte agent, Parametres p) {
        verifier(dossier, transition, p);
        LocalDate aujourdhui = LocalDate.now(horloge);
        String motif = p.motif();
        switch (transition.code()) {
            case "AUTORISER" -> {
                // The state machine's guard (avis recorded, or the commission's delay run out) refuses it otherwise.
                dossiers.appliquer(dossier.id(), transition, TypeActeur.AGENT, agent.id(), motif);
                AvisVise avis = commissions.avisVise(dossier.id()).orElseThrow(() -> new TransitionRefusee(transition, dossier.etat(),
                        "L’avis de la commission n’est plus enregistré : rechargez la page."));
                return List.of(redaction.arrete(dossier, agent, avis, null));
            }
            case "AUTORISER_PROVISOIREMENT" -> {
                if (!dossier.prioritaire()) {
                    throw new DecisionImpossible("L’autorisation provisoire sans avis préalable de la commission est réservée aux "
                            + "sites exposés au risque terroriste, en cas d’urgence : signalez d’abord le site comme prioritaire.");
                }
                LocalDate fin = p.finProvisoire() == null ? aujourdhui.plusMonths(4) : p.finProvisoire();
                if (!fin.isAfter(aujourdhui) || fin.isAfter(aujourdhui.plusMonths(4))) {
                    throw new DecisionImpossible("L’autorisation provisoire dure 4 mois au plus : choisissez une date de fin avant le "
                            + DATE.format(aujourdhui.plusMonths(4)) + ".");
                }
                dossiers.appliquer(dossier.id(), transition, TypeActeur.AGENT, agent.id(),
                        "jusqu’au " + DATE.format(fin) + " ; président de la commission départementale informé"
                                + (motif.isBlank() ? "" : " ; " + motif));
                long acte = redaction.arrete(dossier, agent, null, fin);
                informerPresident(dossier, fin);
                return List.of(acte);
            }
            case CycleDeVie.DEMANDER_PIECES -> {
                LocalDate echeance = p.echeancePieces() == null ? aujourdhui.plusMonths(DemandePieces.MOIS_PAR_DEFAUT) : p.echeancePieces();
                if (!echeance.isAfter(aujourdhui) || echeance.isAfter(aujourdhui.plusMonths(DemandePieces.MOIS_MAX))) {
                    throw new DecisionImpossible("Choisissez une date limite pour les pièces après aujourd’hui et avant le "
                            + DATE.format(aujourdhui.plusMonths(DemandePieces.MOIS_MAX)) + ".");
                }
                dossiers.demanderPieces(dossier.id(), agent.id(), motif, echeance);
            }
            case "REFUSER" -> {
                if (!transition.equals(CycleVideoprotection.REFUSER)) {
                    // Another procedure's refusal: its feature issues its own decision (it listens to the transition).
                    dossiers.appliquer(dossier.id(), transition, TypeActeur.AGENT, agent.id(), motif);
                    return List.of();
                }
                dossiers.appliquer(dossier.id(), transition, TypeActeur.AGENT, agent.id(),
                        p.fondements().stream().map(FondementRefus::libelle).collect(java.util.stream.Collectors.joining(" ; ")) + " : " + motif);
                return List.of(redaction.refus(dossier, agent, motif, p.fondements(),
                        commissions.avis(dossier.id()).map(AvisCommission::dateSeance).orElse(null)));
            }
            default -> dossiers.appliquer(dossier.id(), transition, TypeActeur.AGENT, agent.id(), motif);
        }
        return List.of();
    }

    /** L252-6: the president of the commission départementale is informed at once (through the outbox, see {@link InformationPresident}). */
    private void informerPresident(Dossier dossier, LocalDate fin) {
        evenements.publishEvent(new InformationPresident.AutorisationProvisoire(dossier.id(), dossier.numero(), dossier.codeDepartement(), fin));
    }
}
