package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.CompteEnSuppression;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a usager deletes their account, their drafts go with it; deposited dossiers stay with the préfecture. */
@Component
class SuppressionCompte {

    private final DossierRepository dossiers;

    SuppressionCompte(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    @EventListener
    void supprimerBrouillons(CompteEnSuppression evenement) {
        dossiers.supprimerBrouillonsDe(evenement.usagerId());
    }
}
