package fr.gouv.guichet.identite;

import fr.gouv.fauxservices.Pannes.Mode;
import fr.gouv.fauxservices.RendezVousAnts;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import fr.gouv.guichet.identite.internal.Agenda;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The national de-duplication across booking sites, through the real HTTP client of the ANTS coordination API and
 * the demonstration server: Guichet declares each appointment it books and withdraws the cancelled ones; an
 * appointment taken for the same number on another site is reported with its link before any booking; a number the
 * platform holds as consumed is refused; the platform down blocks the booking with a clear message, nothing booked.
 */
@TestGuichet
class PlateformeNationaleRendezVousIntegrationTest {

    @Autowired
    MockMvc mvc;
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
    ServicesExternesEmbarques embarques;

    @Test
    void declareLesRendezVousDeGuichet_signaleCeuxPrisAilleurs_refuseUnNumeroConsomme_bloqueEnPanne() throws Exception {
        PreDemandesDeTest donnees = new PreDemandesDeTest(dossiers, preDemandes, mairies);
        Mairie mairie = donnees.mairie(2);
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        PreDemande pd = donnees.deposer(usager.id(), PreDemandesDeTest.reponsesMajeur());
        RendezVousAnts ants = embarques.serveur().rendezVousAnts();
        LocalDate jour = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30);
        List<LocalDateTime> creneaux = agenda.libres(mairie, jour, jour.plusDays(5), 3).stream().map(Agenda.Creneau::debut).toList();

        // Another booking site declared an appointment for this number: reported with its link, nothing booked.
        ants.declarerAilleurs(pd.numero().valeur(), "Mairie de Marseille (autre site)", "2027-01-15 09:30:00",
                "https://rdv.exemple.fr/gerer/42");
        String page = reserver(session, mairie, creneaux.get(0), pd, Map.of()).getResponse().getContentAsString();
        assertThat(page).contains("déjà un rendez-vous sur un autre site", "Mairie de Marseille (autre site)", "15/01/2027 à 09:30",
                "https://rdv.exemple.fr/gerer/42");
        assertThat(actifs(pd)).isZero();

        // The usager cancelled it there: booked, then declared to the platform by Guichet.
        MvcResult reserve = reserver(session, mairie, creneaux.get(0), pd, Map.of("malgreAilleurs", "true"));
        assertThat(reserve.getResponse().getRedirectedUrl()).startsWith("/usager/identite/rendez-vous/");
        long rdv = Long.parseLong(reserve.getResponse().getRedirectedUrl().substring("/usager/identite/rendez-vous/".length()));
        attendre(ants, pd, l -> l.stream().anyMatch(r -> r.get("meeting_point_id").equals(mairie.service())
                && r.get("appointment_date").equals(creneaux.get(0).toLocalDate() + " " + creneaux.get(0).toLocalTime() + ":00")
                && r.get("management_url").toString().endsWith("/usager/identite/rendez-vous/" + rdv)));

        // Cancelled in Guichet: withdrawn from the platform.
        mvc.perform(post("/usager/identite/rendez-vous/" + rdv + "/annuler").cookie(session).with(csrf()));
        attendre(ants, pd, l -> l.stream().noneMatch(r -> r.get("meeting_point_id").equals(mairie.service())));

        // The platform down: a clear message, nothing booked, the number kept in the form.
        embarques.serveur().pannes().programmer(Service.RDV_ANTS, Mode.INDISPONIBLE, 3);
        String panne = reserver(session, mairie, creneaux.get(1), pd, Map.of("malgreAilleurs", "true")).getResponse().getContentAsString();
        embarques.serveur().pannes().reparer();
        assertThat(panne).contains("Nous n’arrivons pas à joindre la plateforme nationale des rendez-vous", pd.numero().valeur());
        assertThat(actifs(pd)).isZero();

        // A number the platform holds as consumed elsewhere cannot be booked.
        ants.programmerStatut(pd.numero().valeur(), "consumed");
        String consomme = reserver(session, mairie, creneaux.get(2), pd, Map.of("malgreAilleurs", "true")).getResponse().getContentAsString();
        assertThat(consomme).contains("déjà été utilisée pour un dossier");
        assertThat(actifs(pd)).isZero();
    }

    private MvcResult reserver(Cookie session, Mairie mairie, LocalDateTime debut, PreDemande pd, Map<String, String> autres) throws Exception {
        var requete = post("/usager/identite/reserver").cookie(session).with(csrf()).param("mairie", mairie.service())
                .param("debut", debut.toString()).param("numero", pd.numero().valeur());
        autres.forEach(requete::param);
        return mvc.perform(requete).andReturn();
    }

    private int actifs(PreDemande pd) {
        return jdbc.sql("select count(*) from identite_rendez_vous where numero_pre_demande = ? and statut = 'ACTIF'")
                .param(pd.numero().valeur()).query(Integer.class).single();
    }

    private static void attendre(RendezVousAnts ants, PreDemande pd, Predicate<List<Map<String, Object>>> condition) throws InterruptedException {
        Instant limite = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.test(ants.rendezVous(pd.numero().valeur()))) {
            if (Instant.now().isAfter(limite)) {
                throw new AssertionError("Plateforme nationale : " + ants.rendezVous(pd.numero().valeur()));
            }
            Thread.sleep(100);
        }
    }
}
