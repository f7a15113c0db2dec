package fr.gouv.guichet.identite.internal;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.PreDemandesDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder e-mail of an appointment ({@link CourrielsRendezVous#AVANCE_RAPPEL}, 36 h before), received on the
 * test SMTP server: sent once for an appointment starting within 36 h, not for one further away, not for a cancelled
 * one; it names the town hall, the time and the pré-demande number, and links to the appointment's page.
 */
@TestGuichet
class RappelsRendezVousIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    PreDemandes preDemandes;
    @Autowired
    Mairies mairies;
    @Autowired
    Agenda agenda;
    @Autowired
    Reservations reservations;
    @Autowired
    CourrielsRendezVous courriels;
    @Autowired
    GreenMail greenMail;

    @Test
    void rappelEnvoyeUneFois36HeuresAvant_pasPourUnRendezVousLointainNiAnnule() throws Exception {
        PreDemandesDeTest donnees = new PreDemandesDeTest(dossiers, preDemandes, mairies);
        Mairie mairie = donnees.mairie(1);
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte proche = comptes.usager("83");
        ComptesDeTest.Compte lointain = comptes.usager("83");
        ComptesDeTest.Compte annule = comptes.usager("83");
        PreDemande pdProche = donnees.deposer(proche.id(), PreDemandesDeTest.reponsesMajeur());
        PreDemande pdLointain = donnees.deposer(lointain.id(), PreDemandesDeTest.reponsesMajeur());
        PreDemande pdAnnule = donnees.deposer(annule.id(), PreDemandesDeTest.reponsesMajeur());

        LocalDate aujourdhui = LocalDate.now(ZoneId.of("Europe/Paris"));
        // The town hall opens every day 08:00–18:00: its first free slot is within 36 h whatever the hour.
        LocalDateTime bientot = agenda.libres(mairie, aujourdhui, aujourdhui.plusDays(2), 1).getFirst().debut();
        LocalDateTime plusTard = agenda.libres(mairie, aujourdhui.plusDays(10), aujourdhui.plusDays(12), 1).getFirst().debut();
        Reservations.Reserve r1 = (Reservations.Reserve) reservations.reserver(proche.id(), pdProche.numero(), mairie.service(), bientot, false);
        reservations.reserver(lointain.id(), pdLointain.numero(), mairie.service(), plusTard, false);
        LocalDateTime bientot2 = agenda.libres(mairie, aujourdhui, aujourdhui.plusDays(2), 1).getFirst().debut();
        Reservations.Reserve r3 = (Reservations.Reserve) reservations.reserver(annule.id(), pdAnnule.numero(), mairie.service(), bientot2, false);
        assertThat(reservations.annuler(annule.id(), r3.rendezVous().id())).isTrue();

        courriels.rappeler();
        BoiteCourriels boite = new BoiteCourriels(greenMail);
        BoiteCourriels.Recu rappel = boite.attendre(proche.email(), "Rappel de votre rendez-vous : " + mairie.nom());
        assertThat(rappel.texte()).contains(pdProche.numero().valeur(), mairie.nom(), CourrielsRendezVous.QUAND.format(bientot));
        assertThat(rappel.lien()).endsWith("/usager/identite/rendez-vous/" + r1.rendezVous().id());

        // Sent once: a second run sends nothing more to anyone of this test.
        courriels.rappeler();
        Thread.sleep(1500);
        assertThat(boite.pour(proche.email())).filteredOn(c -> c.sujet().startsWith("Rappel")).hasSize(1);
        assertThat(boite.pour(lointain.email())).noneMatch(c -> c.sujet().startsWith("Rappel"));
        assertThat(boite.pour(annule.email())).noneMatch(c -> c.sujet().startsWith("Rappel"));
        assertThat(jdbc.sql("select rappel_envoye_le is not null from identite_rendez_vous where id = ?").param(r1.rendezVous().id())
                .query(Boolean.class).single()).isTrue();
    }
}
