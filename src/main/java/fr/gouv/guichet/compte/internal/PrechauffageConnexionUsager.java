package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.stereotype.Component;

/**
 * The usager's sign-in warmed at start-up without an account (ADR 0033): see {@link AuthentificationUsager#prechauffer()}.
 */
@Component
class PrechauffageConnexionUsager implements Prechauffage {

    private final AuthentificationUsager authentification;

    PrechauffageConnexionUsager(AuthentificationUsager authentification) {
        this.authentification = authentification;
    }

    @Override
    public String nom() {
        return "connexion de l’usager (sans compte, rien d’enregistré)";
    }

    @Override
    public void prechauffer() {
        authentification.prechauffer();
    }
}
