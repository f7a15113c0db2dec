package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.CompteEnSuppression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a usager deletes their account, their drafts go with it; deposited dossiers stay with the préfecture. Each
 * deleted draft is announced as {@link fr.gouv.guichet.demarche.Evenements.BrouillonSupprime}, as when the usager
 * deletes it: what it held for its procedure (a reserved timbre) is released.
 */
@Component
class SuppressionCompte {

    private final DossierRepository dossiers;
    private final ApplicationEventPublisher evenements;

    SuppressionCompte(DossierRepository dossiers, ApplicationEventPublisher evenements) {
        this.dossiers = dossiers;
        this.evenements = evenements;
    }

    @EventListener
    void supprimerBrouillons(CompteEnSuppression evenement) {
        dossiers.supprimerBrouillonsDe(evenement.usagerId()).forEach(evenements::publishEvent);
    }
}
