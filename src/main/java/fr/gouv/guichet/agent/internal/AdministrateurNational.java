package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.agent.Agents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a fresh install, {@code GUICHET_ADMIN_NATIONAL_EMAIL} and {@code GUICHET_ADMIN_NATIONAL_MOT_DE_PASSE} create
 * (or reset) the national administrator, who then invites the préfecture administrators.
 */
@Component
class AdministrateurNational {

    private static final Logger log = LoggerFactory.getLogger(AdministrateurNational.class);

    private final Agents agents;
    private final String email;
    private final String motDePasse;

    AdministrateurNational(Agents agents, @Value("${guichet.admin-national.email:}") String email,
                           @Value("${guichet.admin-national.mot-de-passe:}") String motDePasse) {
        this.agents = agents;
        this.email = email;
        this.motDePasse = motDePasse;
    }

    @EventListener(ApplicationReadyEvent.class)
    void creer() {
        if (email.isBlank() || motDePasse.isBlank()) {
            return;
        }
        if (motDePasse.length() < 12) {
            log.error("Administrateur national non créé : le mot de passe doit contenir au moins 12 caractères");
            return;
        }
        agents.creerAvecMotDePasse(email, "Administrateur national", motDePasse, true);
        log.info("Administrateur national {} prêt", email);
    }
}
