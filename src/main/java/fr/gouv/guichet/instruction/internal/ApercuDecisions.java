package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.commission.AvisVise;
import fr.gouv.guichet.commission.Commissions;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.formulaire.Reponses;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What a decision will say, shown to the agent before it is issued (authorize, refuse, close): issuing an act is
 * never one click. The preview runs the same checks as the decision itself and quotes what the act will cite.
 */
@Component
public class ApercuDecisions {

    /** The transitions that end the dossier (issuing an act, or closing it) ask for confirmation. */
    public static boolean aConfirmer(Transition transition) {
        return transition.vers().estFinal();
    }

    /** @param titre the act; @param sections headed groups of lines, in the act's order */
    public record Apercu(String titre, List<Section> sections) {
    }

    public record Section(String titre, List<String> lignes) {
    }

    private final Decisions decisions;
    private final Commissions commissions;

    ApercuDecisions(Decisions decisions, Commissions commissions) {
        this.decisions = decisions;
        this.commissions = commissions;
    }

    /** @throws Decisions.DecisionImpossible and {@link fr.gouv.guichet.demarche.TransitionImpossible} as the decision would */
    public Apercu apercu(Dossier dossier, Transition transition, Decisions.Parametres p) {
        decisions.verifier(dossier, transition, p);
        Reponses r = new Reponses(dossier.reponses());
        String demandeur = r.texte("denomination").isBlank() ? (r.texte("prenom") + " " + r.texte("nom_naissance")).strip() : r.texte("denomination");
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Dossier", List.of("Dossier n° " + dossier.numero(), "Demandeur : " + demandeur)));
        if (transition.code().equals("REFUSER") && !transition.equals(fr.gouv.guichet.videoprotection.CycleVideoprotection.REFUSER)) {
            // Another procedure's refusal: no act of this feature, the motive and the recourse routes go to the usager.
            sections.add(new Section("Motif du refus, communiqué à l’usager", p.motif().lines().toList()));
            sections.add(new Section("Notification", List.of("L’usager est informé par courriel de la décision, de son motif "
                    + "et des voies et délais de recours.")));
            return new Apercu("Décision de refus", sections);
        }
        return switch (transition.code()) {
            case "AUTORISER" -> {
                AvisVise avis = commissions.avisVise(dossier.id()).orElseThrow();
                sections.add(new Section("Visa de l’avis de la commission", List.of(avis.visa() + " ;")));
                if (!avis.reserves().isBlank()) {
                    sections.add(new Section("Réserves reprises dans l’arrêté", avis.reserves().lines().toList()));
                }
                sections.add(new Section("Décision", List.of("Autorisation d’installer et d’exploiter le système, pour cinq ans.")));
                yield new Apercu("Arrêté préfectoral portant autorisation d’un système de vidéoprotection", sections);
            }
            case "REFUSER" -> {
                commissions.avis(dossier.id()).ifPresent(a -> sections.add(new Section("Avis de la commission", List.of(a.visa()))));
                sections.add(new Section("Fondements juridiques", p.fondements().stream().map(FondementRefus::citation).toList()));
                sections.add(new Section("Faits motivant le refus", p.motif().lines().toList()));
                yield new Apercu("Décision de refus d’autorisation", sections);
            }
            case "CLASSER_SANS_SUITE" -> {
                sections.add(new Section("Motif du classement, communiqué à l’usager", p.motif().lines().toList()));
                yield new Apercu("Classement sans suite", sections);
            }
            default -> throw new IllegalArgumentException("Pas d’aperçu pour " + transition.code());
        };
    }
}
