package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.GardeTransition;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** No habilitation for an establishment the register of companies does not know as active. */
@Component
class GardeSiret implements GardeTransition {

    private final RepertoireEntreprises repertoire;

    GardeSiret(RepertoireEntreprises repertoire) {
        this.repertoire = repertoire;
    }

    @Override
    public Transition transition() {
        return CycleHabilitation.HABILITER;
    }

    @Override
    public Optional<String> refus(Dossier dossier) {
        String siret = new Reponses(dossier.reponses()).texte("siret").replace(" ", "");
        try {
            var etablissement = repertoire.etablissement(siret);
            if (etablissement == null) {
                return Optional.of("Le SIRET " + siret + " est inconnu du répertoire des entreprises : l’habilitation n’est pas possible.");
            }
            if (!etablissement.actif()) {
                return Optional.of("L’établissement " + siret + " (" + etablissement.denomination() + ") est fermé au répertoire "
                        + "des entreprises : l’habilitation n’est pas possible.");
            }
            return Optional.empty();
        } catch (RepertoireEntreprises.RepertoireIndisponible e) {
            return Optional.of("Le répertoire des entreprises ne répond pas : le SIRET n’a pas pu être vérifié. Rien n’est "
                    + "enregistré ; réessayez dans quelques minutes.");
        }
    }
}
