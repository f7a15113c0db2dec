package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.stereotype.Component;

/**
 * The agent's sign-in warmed at start-up without an account (ADR 0033): see {@link AuthentificationAgent#prechauffer()}.
 */
@Component
class PrechauffageConnexionAgent implements Prechauffage {

    private final AuthentificationAgent authentification;

    PrechauffageConnexionAgent(AuthentificationAgent authentification) {
        this.authentification = authentification;
    }

    @Override
    public String nom() {
        return "connexion de l’agent (sans compte, rien d’enregistré)";
    }

    @Override
    public void prechauffer() {
        authentification.prechauffer();
    }
}
