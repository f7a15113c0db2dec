package fr.gouv.guichet.instruction.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.compte.EnvoisUsager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renewal reminders: 6 months and 5 months before an authorization expires, its holder is e-mailed (renewal is a full
 * dossier, to file 4 months before expiry). A db-scheduler task: persisted, survives restarts, runs on one instance
 * at a time; each reminder is recorded, so none is sent twice.
 */
@Configuration(proxyBeanMethods = false)
public class RappelsRenouvellement {

    private static final Logger log = LoggerFactory.getLogger(RappelsRenouvellement.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    @Bean
    RecurringTask<Void> rappelsRenouvellementTache(Envoi envoi) {
        return Tasks.recurring("rappels-renouvellement", Schedules.daily(ZoneId.of("Europe/Paris"), java.time.LocalTime.of(7, 0)))
                .execute((instance, contexte) -> envoi.envoyer());
    }

    @Bean
    Envoi envoiRappels(Registre registre, Usagers usagers, EnvoisUsager envois, Environment env, Clock horloge) {
        return new Envoi(registre, usagers, envois, env, horloge);
    }

    /** Sends the reminders that are due today and not sent yet; returns how many were sent. */
    public static class Envoi {
        private final Registre registre;
        private final Usagers usagers;
        private final EnvoisUsager envois;
        private final Environment env;
        private final Clock horloge;

        Envoi(Registre registre, Usagers usagers, EnvoisUsager envois, Environment env, Clock horloge) {
            this.registre = registre;
            this.usagers = usagers;
            this.envois = envois;
            this.env = env;
            this.horloge = horloge;
        }

        public int envoyer() {
            LocalDate aujourdhui = LocalDate.now(horloge);
            int envoyes = 0;
            for (Registre.Autorisation a : registre.expirantEntre(aujourdhui, aujourdhui.plusMonths(6))) {
                String palier = a.expireLe().isAfter(aujourdhui.plusMonths(5)) ? "6" : "5";
                String cle = "rappel-renouvellement-" + palier + "-mois:" + a.id();
                if (a.usagerId() == null || registre.dejaFait(cle)) {
                    continue;
                }
                var usager = usagers.profil(a.usagerId());
                if (usager.isEmpty()) {
                    continue;
                }
                envois.envoyerUneFois(usager.get().id(), cle, adresse -> new Courriel(adresse, "Votre autorisation de vidéoprotection expire le " + DATE.format(a.expireLe()),
                        List.of("L’autorisation n° " + a.numeroArrete() + " du " + DATE.format(a.dateArrete()) + " (système de "
                                        + a.titulaire() + ", " + a.commune() + ") expire le " + DATE.format(a.expireLe()) + ".",
                                "Son renouvellement est un dossier complet, à déposer au moins 4 mois avant l’expiration, soit avant le "
                                        + DATE.format(a.expireLe().minusMonths(4)) + ".",
                                "Munissez-vous du numéro de dossier " + a.numeroDossier() + " et de la date de l’arrêté."),
                        "Demander le renouvellement", env.getProperty("guichet.url-publique", "http://localhost:8080")
                        + "/usager/videoprotection/reference?demarche=RENOUVELLEMENT"));
                registre.marquer(cle);
                envoyes++;
            }
            if (envoyes > 0) {
                log.info("Rappels de renouvellement envoyés : {}", envoyes);
            }
            return envoyes;
        }
    }
}
