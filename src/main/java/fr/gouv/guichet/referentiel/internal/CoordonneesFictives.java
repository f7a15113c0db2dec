package fr.gouv.guichet.referentiel.internal;

import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServiceInstructeur.Coordonnees;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Demo mode, the embedded default (a trial on one's own machine, embedded PostgreSQL) and tests: every service whose
 * contact details are incomplete gets complete, plainly fictitious ones (".invalid" e-mail domain, 01 99 00 xx xx
 * telephone numbers reserved for fiction by the ARCEP, « (fictif) » everywhere), so that every procedure is offered.
 * Never active with an external database unless asked for.
 */
@Component
@ConditionalOnExpression("${guichet.demo:false} or ${guichet.services.coordonnees-fictives:false} or ${guichet.embarque.base:false}")
class CoordonneesFictives implements InitializingBean {

    private final ServicesInstructeurs services;
    private final ChargementServicesCompetences chargement;

    CoordonneesFictives(ServicesInstructeurs services, ChargementServicesCompetences chargement) {
        this.services = services;
        this.chargement = chargement;
    }

    @Override
    public void afterPropertiesSet() {
        int n = 0;
        for (ServiceInstructeur s : services.tous()) {
            if (s.estComplet()) {
                continue;
            }
            n++;
            services.enregistrer(s.code(), new Coordonnees(
                    s.nom() + " (adresse fictive de démonstration)\n" + (n % 90 + 1) + " rue de la Démonstration\n"
                            + "99" + String.format("%03d", n % 1000) + " Ville-Fictive",
                    "01 99 00 %02d %02d".formatted(n / 100 % 100, n % 100),
                    "service-" + s.code().toLowerCase() + "@demo.guichet.invalid",
                    "Du lundi au vendredi, de 9 h à 16 h (horaires fictifs de démonstration)",
                    "Camille", "Exemple (fictif)", "Le secrétaire général (fictif)",
                    "n° DEMO-" + s.code().toUpperCase() + " du 2 janvier 2026 (arrêté fictif de démonstration)"), null);
        }
    }
}
