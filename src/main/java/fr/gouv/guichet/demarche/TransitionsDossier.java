package fr.gouv.guichet.demarche;

import fr.gouv.guichet.demarche.internal.DossierRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The one place a dossier's state changes, shared by {@link InstructionDossiers} (agents, the system) and
 * {@link Dossiers} (the usager's documents sent). Not transactional itself: every method runs in its caller's
 * transaction.
 */
@Component
class TransitionsDossier {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DossierRepository depot;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final ObjectProvider<GardeTransition> gardes;
    private final Procedures procedures;

    TransitionsDossier(DossierRepository depot, ApplicationEventPublisher evenements, Clock horloge,
                       ObjectProvider<GardeTransition> gardes, Procedures procedures) {
        this.depot = depot;
        this.evenements = evenements;
        this.horloge = horloge;
        this.gardes = gardes;
        this.procedures = procedures;
    }

    /** See {@link InstructionDossiers#appliquer}. */
    Etat appliquer(long dossierId, Transition transition, TypeActeur acteur, long acteurId, @Nullable String motif) {
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

    /** See {@link InstructionDossiers#verifierGardes}. */
    void verifierGardes(Dossier dossier, Transition transition) {
        for (GardeTransition garde : gardes.orderedStream().toList()) {
            if (garde.transition().equals(transition)) {
                garde.refus(dossier).ifPresent(raison -> {
                    throw new TransitionRefusee(transition, dossier.etat(), raison);
                });
            }
        }
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
    Transition transitionCommune(long dossierId, String code) {
        Dossier dossier = depot.parId(dossierId).orElseThrow(DossierIntrouvable::new);
        return procedures.cycle(dossier.demarche()).transition(code).orElseThrow(() -> new TransitionImpossible(null, dossier.etat()));
    }
}
