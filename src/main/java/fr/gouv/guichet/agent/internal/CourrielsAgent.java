package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.agent.Agents.AgentInvite;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class CourrielsAgent {

    private final Courriels courriels;

    CourrielsAgent(Courriels courriels) {
        this.courriels = courriels;
    }

    @ApplicationModuleListener
    void invitation(AgentInvite e) {
        if (e.aAccepter()) {
            courriels.envoyer(new Courriel(e.email(), "Invitation à instruire les dossiers sur Guichet", List.of(
                    e.invitant() + " vous propose d’instruire, en tant que « " + e.role() + " », les dossiers du service « "
                            + e.service() + " » sur Guichet.",
                    "Vous n’y êtes rattaché que si vous acceptez : ouvrez le lien ci-dessous (valable 7 jours). Si vous "
                            + "n’attendiez pas cette invitation, ignorez ce message."),
                    "Accepter l’invitation", e.lien()));
            return;
        }
        courriels.envoyer(new Courriel(e.email(), "Invitation à instruire les dossiers sur Guichet", List.of(
                e.invitant() + " vous a donné accès, en tant que « " + e.role() + " », aux dossiers du service « "
                        + e.service() + " » sur Guichet.",
                e.compteExistant() ? "Connectez-vous avec votre compte agent habituel."
                        : "Ouvrez le lien ci-dessous pour choisir votre mot de passe. Il est valable 7 jours et ne peut servir qu’une fois."),
                e.compteExistant() ? "Se connecter" : "Choisir mon mot de passe", e.lien()));
    }
}
