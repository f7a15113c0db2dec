package fr.gouv.guichet.mediation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * At every start (demo or not), the points numériques of the Var named by the sources
 * ({@code mediation/lieux-var.csv}) are added if their id is not stored yet: they are real public places, and an
 * administrator's later import of the same ids (corrected address, new hours) is never overwritten.
 */
@Component
class DonneesExempleLieux {

    private static final Logger log = LoggerFactory.getLogger(DonneesExempleLieux.class);

    private final ImportLieux importLieux;

    DonneesExempleLieux(ImportLieux importLieux) {
        this.importLieux = importLieux;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(0)
    void charger() throws IOException {
        int ajoutes = importLieux.importerAbsents(new ClassPathResource("mediation/lieux-var.csv").getContentAsByteArray());
        if (ajoutes > 0) {
            log.info("{} lieux de médiation numérique d’exemple (Var) ajoutés", ajoutes);
        }
    }
}
