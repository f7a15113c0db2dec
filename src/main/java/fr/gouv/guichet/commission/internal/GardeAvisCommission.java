package fr.gouv.guichet.commission.internal;

import fr.gouv.guichet.commission.Commissions;
import fr.gouv.guichet.commission.Echeance;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.GardeTransition;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The final authorization needs the commission's opinion recorded for the dossier, or its delay (3 months, plus 1 on
 * its request, CSI R252-15) run out without one: the arrêté cites only what exists.
 */
@Component
class GardeAvisCommission implements GardeTransition {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final Commissions commissions;

    GardeAvisCommission(Commissions commissions) {
        this.commissions = commissions;
    }

    @Override
    public Transition transition() {
        return CycleVideoprotection.AUTORISER;
    }

    @Override
    public Optional<String> refus(Dossier dossier) {
        Commissions c = commissions;
        if (c.avisVise(dossier.id()).isPresent()) {
            return Optional.empty();
        }
        Optional<Echeance> echeance = c.echeanceAvis(dossier.id());
        return Optional.of(echeance.isEmpty()
                ? "L’autorisation définitive vise l’avis de la commission départementale de vidéoprotection : inscrivez d’abord le dossier "
                + "à une séance et enregistrez l’avis rendu."
                : "La commission départementale de vidéoprotection n’a pas encore rendu son avis sur ce dossier : l’autorisation définitive "
                + "sera possible dès l’avis enregistré, ou après le " + DATE.format(echeance.get().limite())
                + " si la commission ne s’est pas prononcée (article R252-15 du code de la sécurité intérieure).");
    }
}
