package fr.gouv.guichet.identite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.internal.Agenda;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
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

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Terminé quand" of issue 14: find the earliest slot among the Var's town halls, book it with the pré-demande
 * number, a second booking elsewhere is refused with a way to move the first, move, cancel; the town hall's agent
 * takes the application (the pré-demande is consumed), title available (e-mail), handed over — and every URL of a
 * town hall is refused to another usager or another town hall's agent.
 */
@TestGuichet
class RendezVousIntegrationTest {

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
    Agents agents;
    @Autowired
    GreenMail greenMail;

    @Test
    void reserverDeplacerAnnulerPuisRecueilEnMairie() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        PreDemande pd = new PreDemandesDeTest(dossiers, preDemandes, mairies).deposer(usager.id(), PreDemandesDeTest.reponsesMajeur());

        String recherche = mvc.perform(get("/rendez-vous-titres").param("lieu", "Toulon").param("rayon", "20"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(recherche).contains("Mairie de Toulon", "Mairie de La Seyne-sur-Mer", "/usager/identite/reserver?mairie=");

        Mairie toulon = mairies.parService("mairie-83137").orElseThrow();
        Mairie seyne = mairies.parService("mairie-83126").orElseThrow();
        LocalDate apres = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(20);
        LocalDateTime premier = agenda.libres(toulon, apres, apres.plusDays(10), 1).getFirst().debut();
        MvcResult reserve = mvc.perform(post("/usager/identite/reserver").cookie(session).with(csrf())
                .param("mairie", toulon.service()).param("debut", premier.toString()).param("numero", pd.numero().valeur())).andReturn();
        assertThat(reserve.getResponse().getRedirectedUrl()).startsWith("/usager/identite/rendez-vous/");
        long rdv = Long.parseLong(reserve.getResponse().getRedirectedUrl().substring("/usager/identite/rendez-vous/".length()));
        attendreCourriel(usager.email(), "Rendez-vous confirmé : Mairie de Toulon");

        LocalDateTime ailleurs = agenda.libres(seyne, apres, apres.plusDays(10), 1).getFirst().debut();
        String refus = mvc.perform(post("/usager/identite/reserver").cookie(session).with(csrf())
                        .param("mairie", seyne.service()).param("debut", ailleurs.toString()).param("numero", pd.numero().valeur()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refus).contains("Cette pré-demande a déjà un rendez-vous", "Mairie de Toulon", "Déplacer mon rendez-vous sur ce créneau");
        assertThat(actifs(pd)).containsExactly(toulon.service());

        MvcResult deplace = mvc.perform(post("/usager/identite/reserver").cookie(session).with(csrf()).param("mairie", seyne.service())
                .param("debut", ailleurs.toString()).param("numero", pd.numero().valeur()).param("deplacer", "true")).andReturn();
        long nouveau = Long.parseLong(deplace.getResponse().getRedirectedUrl().substring("/usager/identite/rendez-vous/".length()));
        assertThat(actifs(pd)).containsExactly(seyne.service());
        assertThat(agenda.libres(toulon, premier.toLocalDate(), premier.toLocalDate(), 200)).extracting(Agenda.Creneau::debut).contains(premier);
        attendreCourriel(usager.email(), "Rendez-vous déplacé : Mairie de La Seyne-sur-Mer");

        mvc.perform(post("/usager/identite/rendez-vous/" + nouveau + "/annuler").cookie(session).with(csrf()));
        assertThat(actifs(pd)).isEmpty();
        attendreCourriel(usager.email(), "Rendez-vous annulé : Mairie de La Seyne-sur-Mer");
        assertThat(rdv).isNotEqualTo(nouveau);

        // The town hall's counter: found by number, taken, consumed, no longer bookable.
        AgentsDeTest.Agent agentSeyne = new AgentsDeTest(agents).agent(seyne.service(), RoleAgent.INSTRUCTEUR);
        Cookie guichet = ConnexionsHttp.agent(mvc, agentSeyne);
        assertThat(mvc.perform(get("/agent").cookie(guichet)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/agent/mairies/" + seyne.service());
        String fiche = mvc.perform(get("/agent/mairies/" + seyne.service() + "/pre-demande").cookie(guichet)
                .param("numero", pd.numero().valeur().toLowerCase())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fiche).contains("MARTIN", "Un timbre fiscal de 86,00", "Enregistrer le recueil de la demande");
        // The adult's passport timbre (86 €) is brought to the counter and typed by the agent: consumed there, once.
        mvc.perform(post("/agent/mairies/" + seyne.service() + "/pre-demande/" + pd.numero().valeur() + "/recueillir").cookie(guichet).with(csrf())
                .param("timbre_IDENTITE_PASSEPORT_MAJEUR", PreDemandesDeTest.timbre("8686")));
        assertThat(preDemandes.parNumero(pd.numero()).orElseThrow().mairieRecueil()).isEqualTo(seyne.service());
        assertThat(etat(pd)).isEqualTo("RECUEILLIE");
        String plusReservable = mvc.perform(post("/usager/identite/reserver").cookie(session).with(csrf()).param("mairie", toulon.service())
                .param("debut", premier.toString()).param("numero", pd.numero().valeur())).andReturn().getResponse().getContentAsString();
        assertThat(plusReservable).contains("déjà été utilisée en mairie");
        assertThat(actifs(pd)).isEmpty();

        // Another town hall's agent: the pré-demande is used elsewhere, the first town hall's pages are 404.
        AgentsDeTest.Agent agentToulon = new AgentsDeTest(agents).agent(toulon.service(), RoleAgent.INSTRUCTEUR);
        Cookie autreGuichet = ConnexionsHttp.agent(mvc, agentToulon);
        assertThat(mvc.perform(get("/agent/mairies/" + toulon.service() + "/pre-demande").cookie(autreGuichet).param("numero", pd.numero().valeur()))
                .andReturn().getResponse().getContentAsString()).contains("déjà été utilisée dans une autre mairie").doesNotContain("MARTIN");
        for (String url : List.of("/agent/mairies/" + seyne.service(), "/agent/mairies/" + seyne.service() + "/pre-demande?numero=" + pd.numero().valeur())) {
            mvc.perform(get(url).cookie(autreGuichet)).andExpect(status().isNotFound());
        }
        for (String action : List.of("recueillir", "disponible", "remis")) {
            mvc.perform(post("/agent/mairies/" + seyne.service() + "/pre-demande/" + pd.numero().valeur() + "/" + action).cookie(autreGuichet)
                    .with(csrf())).andExpect(status().isNotFound());
        }
        mvc.perform(post("/agent/mairies/" + seyne.service() + "/rendez-vous/" + nouveau + "/absent").cookie(autreGuichet).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/agent/mairies/" + toulon.service() + "/pre-demande/" + pd.numero().valeur() + "/disponible").cookie(autreGuichet)
                .with(csrf()));
        assertThat(etat(pd)).isEqualTo("RECUEILLIE");

        // Another usager: the appointment pages are 404.
        Cookie intrus = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("83"));
        mvc.perform(get("/usager/identite/rendez-vous/" + rdv).cookie(intrus)).andExpect(status().isNotFound());
        mvc.perform(post("/usager/identite/rendez-vous/" + rdv + "/annuler").cookie(intrus).with(csrf())).andExpect(status().isNotFound());

        mvc.perform(post("/agent/mairies/" + seyne.service() + "/pre-demande/" + pd.numero().valeur() + "/disponible").cookie(guichet).with(csrf()));
        assertThat(etat(pd)).isEqualTo("TITRE_DISPONIBLE");
        attendreCourriel(usager.email(), "titre disponible");
        mvc.perform(post("/agent/mairies/" + seyne.service() + "/pre-demande/" + pd.numero().valeur() + "/remis").cookie(guichet).with(csrf()));
        assertThat(etat(pd)).isEqualTo("REMIS");
    }

    private List<String> actifs(PreDemande pd) {
        return jdbc.sql("select mairie from identite_rendez_vous where numero_pre_demande = ? and statut = 'ACTIF'")
                .param(pd.numero().valeur()).query(String.class).list();
    }

    private String etat(PreDemande pd) {
        return jdbc.sql("select etat from dossier where id = ?").param(pd.dossierId()).query(String.class).single();
    }

    private void attendreCourriel(String destinataire, String sujet) {
        new BoiteCourriels(greenMail).attendre(destinataire, sujet);
    }
}
