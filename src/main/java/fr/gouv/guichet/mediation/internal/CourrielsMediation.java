package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** The médiateurs' invitation e-mail, sent by a listener of the invitation event (outbox). */
@Component
class CourrielsMediation {

    private final Courriels courriels;

    CourrielsMediation(Courriels courriels) {
        this.courriels = courriels;
    }

    @ApplicationModuleListener
    void invitation(Mediateurs.MediateurInvite e) {
        courriels.envoyer(new Courriel(e.email(), "Invitation à accompagner les usagers sur Guichet", List.of(
                "Bonjour " + e.nom() + ", " + e.invitant() + " vous invite à accompagner les usagers sur Guichet, comme "
                        + "médiateur numérique du lieu : " + e.lieu() + ".",
                "Ouvrez le lien ci-dessous pour choisir votre mot de passe. Il est valable 7 jours et ne peut servir qu’une fois.",
                "Votre compte de médiateur ne donne accès à aucun dossier : vous démarrez des sessions accompagnées où "
                        + "l’usager se connecte lui-même et consent à être aidé."),
                "Choisir mon mot de passe", e.lien()));
    }
}
