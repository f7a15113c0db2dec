package fr.gouv.guichet.identite.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.gouv.guichet.compte.EnvoisUsager;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.RendezVous;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The appointment's e-mails: confirmation of a booking or a move and of a cancellation (outbox listeners, each sent
 * once under its key), and the reminder the day before, by a db-scheduler task (persisted, one instance at a time).
 * Each links to the appointment's page, where the usager moves or cancels it.
 */
@Component
class CourrielsRendezVous {

    static final DateTimeFormatter QUAND = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);
    static final Duration AVANCE_RAPPEL = Duration.ofHours(36);

    private final Reservations reservations;
    private final PreDemandes preDemandes;
    private final Courriels courriels;
    private final EnvoisUsager envois;
    private final JdbcClient jdbc;
    private final Environment env;
    private final Clock horloge;

    CourrielsRendezVous(Reservations reservations, PreDemandes preDemandes, Courriels courriels, EnvoisUsager envois, JdbcClient jdbc,
                        Environment env, Clock horloge) {
        this.envois = envois;
        this.reservations = reservations;
        this.preDemandes = preDemandes;
        this.courriels = courriels;
        this.jdbc = jdbc;
        this.env = env;
        this.horloge = horloge;
    }

    @ApplicationModuleListener
    void reserve(Reservations.RendezVousReserve e) {
        RendezVous rdv = reservations.parId(e.rendezVousId()).orElseThrow();
        envoyer("identite-rdv-" + rdv.id(), rdv, (e.deplacement() ? "Rendez-vous déplacé : " : "Rendez-vous confirmé : ")
                + rdv.nomMairie(), List.of(
                "Votre rendez-vous pour déposer votre demande de titre est fixé le " + QUAND.format(rdv.debut()) + ", à la "
                        + rdv.nomMairie() + ".",
                "Numéro de pré-demande : " + rdv.numero().valeur() + ". Venez avec la liste des pièces de votre récapitulatif.",
                "Vous ne pouvez pas venir ? Déplacez ou annulez ce rendez-vous depuis le lien ci-dessous : la place sera "
                        + "proposée aussitôt à une autre personne."));
    }

    @ApplicationModuleListener
    void annule(Reservations.RendezVousAnnule e) {
        RendezVous rdv = reservations.parId(e.rendezVousId()).orElseThrow();
        envoyer("identite-rdv-annule-" + rdv.id(), rdv, "Rendez-vous annulé : " + rdv.nomMairie(), List.of(
                "Votre rendez-vous du " + QUAND.format(rdv.debut()) + " à la " + rdv.nomMairie() + " est annulé.",
                e.expiration()
                        ? "Votre pré-demande " + rdv.numero().valeur() + " a expiré (elle est valable un an) : la place est rendue. "
                        + "Pour demander votre titre, faites une nouvelle pré-demande puis prenez rendez-vous."
                        : "Votre pré-demande " + rdv.numero().valeur() + " reste valable : vous pouvez reprendre rendez-vous dans "
                        + "n’importe quelle mairie équipée."));
    }

    /** Sends the reminders of the appointments starting within {@link #AVANCE_RAPPEL}; returns how many. */
    int rappeler() {
        List<Long> dus = jdbc.sql("""
                        select id from identite_rendez_vous where statut = 'ACTIF' and rappel_envoye_le is null
                          and debut > ? and debut <= ? order by debut limit 500""")
                .params(Timestamp.from(horloge.instant()), Timestamp.from(horloge.instant().plus(AVANCE_RAPPEL)))
                .query(Long.class).list();
        int envoyes = 0;
        for (long id : dus) {
            RendezVous rdv = reservations.parId(id).orElseThrow();
            envoyer("identite-rappel-" + id, rdv, "Rappel de votre rendez-vous : " + rdv.nomMairie(), List.of(
                    "Rappel : votre rendez-vous est le " + QUAND.format(rdv.debut()) + ", à la " + rdv.nomMairie() + ".",
                    "Munissez-vous de votre numéro de pré-demande " + rdv.numero().valeur() + " et des pièces de votre récapitulatif.",
                    "Si vous ne pouvez pas venir, annulez-le pour libérer la place."));
            jdbc.sql("update identite_rendez_vous set rappel_envoye_le = ? where id = ?").params(Timestamp.from(horloge.instant()), id).update();
            envoyes++;
        }
        return envoyes;
    }

    /**
     * Through {@link EnvoisUsager} (the account's address, or the trusted person or help place the usager designated);
     * to the pré-demande's contact address only when the account is gone.
     */
    private void envoyer(String cle, RendezVous rdv, String sujet, List<String> paragraphes) {
        PreDemande pd = preDemandes.parNumero(rdv.numero()).orElseThrow();
        String lien = env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/identite/rendez-vous/" + rdv.id();
        java.util.function.Function<String, Courriel> courriel = adresse -> new Courriel(adresse, sujet, paragraphes,
                "Voir, déplacer ou annuler le rendez-vous", lien, List.of(), cle);
        if (pd.usagerId() != null) {
            envois.envoyerUneFois(pd.usagerId(), cle, courriel);
        } else {
            courriels.envoyerUneFois(cle, courriel.apply(pd.email()));
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Tache {
        @Bean
        RecurringTask<Void> rappelsRendezVousTache(CourrielsRendezVous courriels) {
            return Tasks.recurring("identite-rappels-rendez-vous", Schedules.fixedDelay(Duration.ofMinutes(15)))
                    .execute((instance, contexte) -> courriels.rappeler());
        }
    }
}
