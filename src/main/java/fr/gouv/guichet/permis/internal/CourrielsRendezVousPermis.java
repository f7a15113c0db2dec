package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.compte.EnvoisUsager;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.permis.internal.RendezVousPrefecture.RendezVousChange;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The e-mail of each booking, move or cancellation of an appointment in préfecture, sent once from the outbox. */
@Component
class CourrielsRendezVousPermis {

    static final DateTimeFormatter QUAND = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H'h'mm", Locale.FRANCE);

    private final InstructionDossiers dossiers;
    private final ServicesInstructeurs services;
    private final EnvoisUsager envois;
    private final JdbcClient jdbc;
    private final Environment env;

    CourrielsRendezVousPermis(InstructionDossiers dossiers, ServicesInstructeurs services, EnvoisUsager envois,
                              JdbcClient jdbc, Environment env) {
        this.dossiers = dossiers;
        this.services = services;
        this.envois = envois;
        this.jdbc = jdbc;
        this.env = env;
    }

    @ApplicationModuleListener
    void change(RendezVousChange e) {
        Dossier dossier = dossiers.pourInstruction(e.dossierId()).orElse(null);
        if (dossier == null || dossier.usagerId() == null) {
            return;
        }
        // The row as recorded, whatever happened since (a cancellation announces the appointment it cancelled).
        var rdv = jdbc.sql("select service, debut from permis_rendez_vous where id = ?").param(e.rendezVousId())
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getTimestamp(2).toInstant().atZone(AgendaPrefecture.PARIS).toLocalDateTime()})
                .single();
        ServiceInstructeur service = services.parCode((String) rdv[0]).orElseThrow();
        String quand = QUAND.format((LocalDateTime) rdv[1]);
        List<String> paragraphes = new ArrayList<>();
        String sujet = switch (e.changement()) {
            case RESERVE -> "rendez-vous en préfecture confirmé";
            case DEPLACE -> "rendez-vous en préfecture déplacé";
            case ANNULE -> "rendez-vous en préfecture annulé";
        };
        if (e.changement() == RendezVousPrefecture.Changement.ANNULE) {
            paragraphes.add("Votre rendez-vous du " + quand + " à la " + service.nom() + " est annulé. Choisissez un autre "
                    + "créneau depuis votre dossier %s : l’échange de votre permis ne peut pas se faire sans présenter vos originaux.");
        } else {
            paragraphes.add("Votre rendez-vous pour l’échange de votre permis de conduire (dossier %s) est fixé au " + quand
                    + ", à la " + service.libelle() + " : " + String.join(", ", service.coordonnees().lignesAdresse()) + ".");
            paragraphes.add("Présentez-vous avec les originaux des documents joints à votre demande, dont votre permis de "
                    + "conduire étranger.");
            paragraphes.add("Vous pouvez déplacer ou annuler ce rendez-vous depuis votre dossier jusqu’à la veille.");
        }
        if (!service.coordonnees().telephone().isBlank()) {
            paragraphes.add("Pour toute question : " + service.coordonnees().telephone() + ".");
        }
        String numero = dossier.numero() == null ? "" : dossier.numero();
        envois.envoyerUneFois(dossier.usagerId(), "permis-rendez-vous:" + e.rendezVousId() + ":" + e.changement(), adresse -> new Courriel(adresse,
                "Votre dossier " + numero + " : " + sujet, paragraphes.stream().map(p -> p.replace("%s", numero)).toList(),
                "Voir mon dossier", env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/dossiers/" + dossier.id(),
                List.of(), "permis-rendez-vous." + e.rendezVousId() + "." + e.changement()));
    }
}
