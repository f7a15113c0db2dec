package fr.gouv.guichet.tiers;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.signalement.Signal;
import fr.gouv.guichet.signalement.Signaux;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 15, point 4 — the Cour des comptes' scenarios (12 March 2026) as tests: each rule raises an explained signal on
 * the préfecture's dashboard; past the threshold the habilitation is suspended automatically pending review, the
 * préfecture is told, and only it lifts the suspension.
 */
@TestGuichet
class FraudeTiersIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agents;
    @Autowired
    CatalogueFormulaires catalogue;
    @Autowired
    MoteurValidation moteur;
    @Autowired
    Signaux signaux;
    @Autowired
    ServicesInstructeurs services;
    @Autowired
    GreenMail greenMail;

    EntreprisesDeTest entreprises;

    @BeforeEach
    void preparer() {
        entreprises = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur);
    }

    @Test
    void mandatReutilise_suspendAutomatiquement_laPrefectureEstInformee_etSeuleLaLeve() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Copie", 3, 200);
        Cookie session = ConnexionsHttp.usager(mvc, ecole.gerant());
        byte[] mandat = DepotsTiersDeTest.mandat(0xABCDEF);
        DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client("Premier", "premier-copie@exemple.fr", "1 rue Un"), mandat, "192.0.2.20");
        assertThat(statut(ecole)).isEqualTo("HABILITEE");
        DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client("Second", "second-copie@exemple.fr", "2 rue Deux"), mandat, "192.0.2.20");

        assertThat(statut(ecole)).isEqualTo("SUSPENDUE");
        List<Signal> signauxHabilitation = signaux.duDossier(ecole.dossier());
        assertThat(signauxHabilitation).extracting(Signal::regle).containsExactly("tiers-mandat-reutilise");
        assertThat(signauxHabilitation.getFirst().explication()).contains("même fichier", "un mandat ne sert qu’une fois");
        long dossierSecond = jdbc.sql("select dossier_id from tiers_depot where client_email = 'second-copie@exemple.fr'").query(Long.class).single();
        assertThat(signaux.duDossier(dossierSecond)).extracting(Signal::regle).containsExactly("tiers-mandat-reutilise");
        var suspension = instruction.transitions(ecole.dossier()).getLast();
        assertThat(suspension.acteur()).isEqualTo(TypeActeur.SYSTEME);
        assertThat(suspension.motif()).contains("Suspension automatique", "mandat");

        String courrielPrefecture = services.parCode("83").orElseThrow().coordonnees().courriel();
        assertThat(new BoiteCourriels(greenMail).attendre(courrielPrefecture, "Auto-école Copie").texte()).contains("mandat");
        Cookie prefecture = ConnexionsHttp.agent(mvc, ecole.agent());
        assertThat(mvc.perform(get("/agent/services/83/tiers").cookie(prefecture)).andReturn().getResponse().getContentAsString())
                .contains("Auto-école Copie", "Suspendue", "tiers-mandat-reutilise", "un mandat ne sert qu’une fois");
        AgentsDeTest.Agent cert = new AgentsDeTest(agents).agent("cert-permis-bordeaux", RoleAgent.ADMINISTRATEUR);
        assertThat(mvc.perform(get("/agent/services/83/tiers").cookie(ConnexionsHttp.agent(mvc, cert))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);

        assertThat(DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client("Trois", "trois-copie@exemple.fr", "3 rue Trois"),
                DepotsTiersDeTest.mandat(7), "192.0.2.20").getResponse().getStatus()).isEqualTo(403);
        instruction.appliquer(ecole.dossier(), CycleHabilitation.LEVER_SUSPENSION, TypeActeur.AGENT, ecole.agent().id(),
                "Mandats vérifiés auprès des clients");
        assertThat(statut(ecole)).isEqualTo("HABILITEE");
        DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client("Quatre", "quatre-copie@exemple.fr", "4 rue Quatre"),
                DepotsTiersDeTest.mandat(8), "192.0.2.20");
        assertThat(statut(ecole)).as("les signaux d’avant la levée ne suspendent plus").isEqualTo("HABILITEE");
    }

    @Test
    void garageFictif_volumesTresAuDessusDeSonHistorique_leveUnSignalExplique() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Usine", 1, 12);
        Cookie session = ConnexionsHttp.usager(mvc, ecole.gerant());
        for (int i = 0; i < 21; i++) {
            DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client("Volume" + i, "volume-" + i + "@exemple.fr", i + " boulevard Volume"),
                    null, "192.0.2.30");
        }
        assertThat(signaux.duDossier(ecole.dossier())).extracting(Signal::regle).containsExactly("tiers-volume");
        assertThat(signaux.duDossier(ecole.dossier()).getFirst().explication()).contains("20 dépôts en 30 jours", "12 démarches par an");
        assertThat(statut(ecole)).as("un signal de poids 2 ne suspend pas seul").isEqualTo("HABILITEE");
    }

    @Test
    void nombreuxTitresVersUneMemeAdresse_leveUnSignal_surLeProfessionnelEtLeDossier() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Boîte", 3, 200);
        Cookie session = ConnexionsHttp.usager(mvc, ecole.gerant());
        for (String nom : List.of("Alpha", "Bravo", "Charlie", "Delta")) {
            DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client(nom, nom.toLowerCase() + "-boite@exemple.fr",
                    nom.equals("Delta") ? "10, Rue de la BOÎTE postale" : "10 rue de la Boîte Postale"), null, "192.0.2.40");
        }
        assertThat(signaux.duDossier(ecole.dossier())).extracting(Signal::regle).containsExactly("tiers-meme-adresse");
        long delta = jdbc.sql("select dossier_id from tiers_depot where client_email = 'delta-boite@exemple.fr'").query(Long.class).single();
        assertThat(signaux.duDossier(delta)).singleElement().satisfies(s -> assertThat(s.explication()).contains("4 clients différents"));
    }

    @Test
    void collaborateursDepuisDeNombreuxLieuxALaFois_leveUnSignal() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Partout", 3, 200);
        Cookie session = ConnexionsHttp.usager(mvc, ecole.gerant());
        int i = 0;
        for (String ip : List.of("198.51.100.7", "203.0.113.9", "192.0.2.77")) {
            DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client("Lieu" + i, "lieu-" + i + "@exemple.fr", i++ + " chemin des Lieux"),
                    null, ip);
        }
        assertThat(signaux.duDossier(ecole.dossier())).extracting(Signal::regle).containsExactly("tiers-lieux-multiples");
        assertThat(signaux.duDossier(ecole.dossier()).getFirst().explication()).contains("3 réseaux différents");
    }

    private String statut(EntreprisesDeTest.Habilitee h) {
        return jdbc.sql("select statut from tiers_entreprise where id = ?").param(h.entreprise()).query(String.class).single();
    }
}
