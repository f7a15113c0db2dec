package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.identite.Mairie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demonstration data of the identity titles (demo mode only), once: one agent per equipped town hall of the Var,
 * {@code agent-mairie-<code INSEE>@demo.guichet.local} (e.g. {@code agent-mairie-83137@demo.guichet.local} for Toulon),
 * with the demo password. The town halls themselves are reference data ({@link Mairies}); their slots follow from
 * their opening hours.
 */
@Component
@ConditionalOnProperty(name = "guichet.demo", havingValue = "true")
class DemoIdentite {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentite.class);

    private final Mairies mairies;
    private final Agents agents;
    private final JdbcClient jdbc;
    private final String motDePasse;

    DemoIdentite(Mairies mairies, Agents agents, JdbcClient jdbc, @Value("${guichet.demo.mot-de-passe:Demo-Guichet-2026}") String motDePasse) {
        this.mairies = mairies;
        this.agents = agents;
        this.jdbc = jdbc;
        this.motDePasse = motDePasse;
    }

    @EventListener(ApplicationReadyEvent.class)
    void amorcer() {
        int crees = 0;
        for (Mairie m : mairies.duDepartement("83")) {
            String email = "agent-" + m.service() + "@demo.guichet.local";
            if (jdbc.sql("select count(*) from agent where email = ?").param(email).query(Integer.class).single() > 0) {
                continue;
            }
            long id = agents.creerAvecMotDePasse(email, "Agent d’accueil — " + m.nom(), motDePasse, false);
            agents.rattacher(id, m.service(), RoleAgent.INSTRUCTEUR);
            crees++;
        }
        if (crees > 0) {
            log.info("Démonstration des titres d’identité : {} agent(s) de mairie créés (agent-mairie-<code INSEE>@demo.guichet.local)", crees);
        }
    }
}
