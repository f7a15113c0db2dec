package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.EtapeAvantDepot;
import fr.gouv.guichet.demarche.Evenements.BrouillonSupprime;
import fr.gouv.guichet.identite.PreDemande;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The pré-demande's step in the generic journey: the timbres page before the recap when a timbre is due, the
 * timbres typed online still held when the usager validates; a deleted draft releases them. Reads nothing for the
 * other procedures.
 */
@Component
class EtapesIdentite implements EtapeAvantDepot {

    private final TimbresPreDemande timbres;

    EtapesIdentite(TimbresPreDemande timbres) {
        this.timbres = timbres;
    }

    @Override
    public Optional<String> pageAFaire(Dossier brouillon) {
        return timbres.pageAFaire(brouillon);
    }

    @Override
    public Optional<Renvoi> avantDepot(Dossier brouillon) {
        return timbres.avantDepot(brouillon).map(m -> new Renvoi(TimbresPreDemande.page(brouillon.id()), m));
    }

    @ApplicationModuleListener(condition = PreDemande.SI_EVENEMENT_D_UNE_PRE_DEMANDE)
    void libererLesTimbres(BrouillonSupprime supprime) {
        if (PreDemande.estUnePreDemande(supprime.demarche())) {
            timbres.liberer(supprime.dossierId());
        }
    }
}
