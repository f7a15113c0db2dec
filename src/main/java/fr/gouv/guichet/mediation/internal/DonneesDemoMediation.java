package fr.gouv.guichet.mediation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the médiateur of the point numérique of the préfecture of the Var at Toulon (after the sample places
 * are loaded, {@link DonneesExempleLieux}).
 */
@Component
@ConditionalOnProperty(name = "guichet.demo", havingValue = "true")
class DonneesDemoMediation {

    static final String MEDIATEUR = "mediateur-toulon@demo.guichet.local";
    static final String LIEU = "guichet-pn-83-toulon";

    private static final Logger log = LoggerFactory.getLogger(DonneesDemoMediation.class);

    private final Mediateurs mediateurs;
    private final MediateurRepository depot;
    private final String motDePasse;

    DonneesDemoMediation(Mediateurs mediateurs, MediateurRepository depot,
                         @Value("${guichet.demo.mot-de-passe:Demo-Guichet-2026}") String motDePasse) {
        this.mediateurs = mediateurs;
        this.depot = depot;
        this.motDePasse = motDePasse;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void amorcer() {
        if (depot.parEmail(MEDIATEUR).isPresent() || mediateurs.lieu(LIEU).isEmpty()) {
            return;
        }
        mediateurs.creerAvecMotDePasse(MEDIATEUR, "Médiatrice du point numérique de Toulon", LIEU, "83", motDePasse);
        log.info("Mode démonstration : médiateur {} (point numérique de la préfecture du Var, Toulon), mot de passe {}",
                MEDIATEUR, motDePasse);
    }
}
