package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.demarche.TypeActeur;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fires instruction transitions for an agent (the state machine in {@code demarche} guards them). */
@Service
public class Decisions {

    private final Dossiers dossiers;

    Decisions(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    @Transactional
    public void appliquer(Dossier dossier, Transition transition, AgentConnecte agent, String motif) {
        dossiers.appliquer(dossier.id(), transition, TypeActeur.AGENT, agent.id(), motif);
    }
}
