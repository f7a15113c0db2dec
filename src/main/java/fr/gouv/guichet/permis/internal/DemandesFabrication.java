package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.demarche.Evenements.DossierTransitionne;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.permis.CyclePermis;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The CERT validated a title request: the production is requested — through the outbox, so that the validation
 * committed means the request is never lost — and a first attempt is made at once (the task does the others).
 */
@Component
class DemandesFabrication {

    private final Procedures procedures;
    private final FabricationTitres fabrication;

    DemandesFabrication(Procedures procedures, FabricationTitres fabrication) {
        this.procedures = procedures;
        this.fabrication = fabrication;
    }

    @ApplicationModuleListener(condition = DemarchePermis.SI_EVENEMENT_DU_PERMIS)
    void valide(DossierTransitionne e) {
        if (!e.transition().equals(CyclePermis.VALIDER.code()) || !procedures.cycle(e.demarche()).code().equals(CyclePermis.TITRE.code())) {
            return;
        }
        fabrication.demander(e.dossierId());
        fabrication.avancer(e.dossierId());
    }
}
