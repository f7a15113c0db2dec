package fr.gouv.guichet.tiers;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.signalement.Signaux;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15, points 2 and 3: a driving school files a licence after the exam for its pupil, with a mandate; the pupil is
 * e-mailed a link, sees the dossier in their space with the neutral mention « déposé par … pour le compte de … », and
 * objects; the company's space lists, filters and exports its clients' dossiers. Every URL of the space is tried by
 * another company and by the client (404), a suspended company reads but cannot file (403).
 */
@TestGuichet
class DepotPourClientIntegrationTest {

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
    GreenMail greenMail;

    EntreprisesDeTest entreprises;

    @BeforeEach
    void preparer() {
        entreprises = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur);
    }

    @Test
    void uneAutoEcoleDepose_pourUnEleve_quiLeVoitEtSOppose() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école des Pins", 3, 200);
        Cookie moniteur = ConnexionsHttp.usager(mvc, ecole.gerant());
        ComptesDeTest.Compte eleve = new ComptesDeTest(jdbc, encodeur).usager("83");
        assertThat(mvc.perform(get("/usager/pro").cookie(moniteur)).andReturn().getResponse().getContentAsString())
                .contains("Auto-école des Pins", "Demande de titre après réussite");

        MvcResult depot = DepotsTiersDeTest.deposer(mvc, moniteur, DepotsTiersDeTest.client("Leroy", eleve.email(), "3 rue des Lilas"),
                DepotsTiersDeTest.mandat(1), "192.0.2.10");
        assertThat(depot.getResponse().getRedirectedUrl()).startsWith("/usager/pro/depots/");
        long dossierId = jdbc.sql("select dossier_id from tiers_depot where client_email = ?").param(eleve.email()).query(Long.class).single();
        Dossier dossier = instruction.pourInstruction(dossierId).orElseThrow();
        assertThat(dossier.usagerId()).as("confié au compte de l’élève").isEqualTo(eleve.id());
        assertThat(dossier.demarche()).isEqualTo("PC_TITRE_APRES_EXAMEN");
        assertThat(dossier.numero()).startsWith("PC-083-");
        assertThat(instruction.pieces(dossierId)).extracting(p -> p.codePiece()).containsExactly("mandat");
        assertThat(instruction.transitions(dossierId)).extracting(t -> t.acteur()).containsExactly(TypeActeur.USAGER, TypeActeur.USAGER);
        // The uploaded mandate goes through the antivirus like any upload: without its analysis it could never be served.
        String cleMandat = instruction.pieces(dossierId).getFirst().cleStockage();
        assertThat(jdbc.sql("select etat from piece_analyse where cle_stockage = ?").param(cleMandat).query(String.class).optional())
                .as("analyse antivirus du mandat").contains("SAIN");

        // The pupil sees it in their own space, with the neutral mention; the e-mail brings the link to object.
        Cookie sessionEleve = ConnexionsHttp.usager(mvc, eleve);
        assertThat(mvc.perform(get("/usager/dossiers/" + dossierId).cookie(sessionEleve)).andReturn().getResponse().getContentAsString())
                .contains("Déposé par Auto-école des Pins", "pour le compte de Camille Leroy");
        BoiteCourriels.Recu courriel = new BoiteCourriels(greenMail).attendre(eleve.email(), "déposée en votre nom");
        String lien = courriel.lien().replaceFirst("^https?://[^/]+", "");
        assertThat(lien).startsWith("/tiers/depots/");
        assertThat(mvc.perform(get(lien)).andReturn().getResponse().getContentAsString()).contains(dossier.numero(), "Je m’oppose");

        mvc.perform(post(lien + "/opposition").param("motif", "Je n’ai jamais signé de mandat.").with(csrf()));
        assertThat(mvc.perform(get(lien)).andReturn().getResponse().getContentAsString()).contains("Votre opposition est enregistrée");
        assertThat(signaux.duDossier(dossierId)).extracting(s -> s.regle()).contains("tiers-opposition");
        assertThat(signaux.duDossier(ecole.dossier())).extracting(s -> s.regle()).contains("tiers-opposition");
        assertThat(mvc.perform(get("/usager/dossiers/" + dossierId).cookie(sessionEleve)).andReturn().getResponse().getContentAsString())
                .contains("Le client s’est opposé à ce dépôt", "Je n’ai jamais signé de mandat.");
        // A second objection changes nothing.
        mvc.perform(post(lien + "/opposition").param("motif", "encore").with(csrf()));
        assertThat(jdbc.sql("select motif_opposition from tiers_depot where dossier_id = ?").param(dossierId).query(String.class).single())
                .isEqualTo("Je n’ai jamais signé de mandat.");

        // The space: filter, export.
        String espace = mvc.perform(get("/usager/pro").param("opposes", "true").cookie(moniteur)).andReturn().getResponse().getContentAsString();
        assertThat(espace).contains(dossier.numero(), "Opposé");
        assertThat(mvc.perform(get("/usager/pro").param("client", "personne-inconnue").cookie(moniteur)).andReturn().getResponse()
                .getContentAsString()).doesNotContain(dossier.numero());
        String csv = mvc.perform(get("/usager/pro/depots.csv").cookie(moniteur)).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains(dossier.numero(), "Camille Leroy", eleve.email());
    }

    @Test
    void sansMandat_ouAvecDesReponsesFausses_rienNEstDepose_etLesErreursSontAcoteDesChamps() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Erreurs", 3, 200);
        Cookie moniteur = ConnexionsHttp.usager(mvc, ecole.gerant());
        Map<String, String> client = DepotsTiersDeTest.client("Sans", "sans-mandat@exemple.fr", "1 rue Vide");
        client.put("date_examen", "2001-01-01");
        MvcResult r = DepotsTiersDeTest.deposer(mvc, moniteur, client, new byte[0], "192.0.2.11");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("Joignez le mandat signé", "resume-erreurs", "aria-invalid");
        assertThat(jdbc.sql("select count(*) from tiers_depot where client_email = 'sans-mandat@exemple.fr'").query(Integer.class).single()).isZero();
    }

    @Test
    void chaqueUrl_essayeeParUneAutreEntreprise_etParLeClient_estRefusee() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Victime", 3, 200);
        var garage = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Intrus", 3, 200);
        Cookie victime = ConnexionsHttp.usager(mvc, ecole.gerant());
        Cookie intrus = ConnexionsHttp.usager(mvc, garage.gerant());
        ComptesDeTest.Compte eleve = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie client = ConnexionsHttp.usager(mvc, eleve);
        DepotsTiersDeTest.deposer(mvc, victime, DepotsTiersDeTest.client("Secret", eleve.email(), "9 rue Cachée"), null, "192.0.2.12");
        long depot = jdbc.sql("select id from tiers_depot where client_email = ?").param(eleve.email()).query(Long.class).single();
        String numero = jdbc.sql("select d.numero from tiers_depot t join dossier d on d.id = t.dossier_id where t.id = ?")
                .param(depot).query(String.class).single();

        // Another company: the deposit is not found, its lists and export show nothing of the victim's.
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(intrus)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/usager/pro").cookie(intrus)).andReturn().getResponse().getContentAsString()).doesNotContain(numero);
        assertThat(mvc.perform(get("/usager/pro/depots.csv").cookie(intrus)).andReturn().getResponse().getContentAsString()).doesNotContain(numero);
        assertThat(mvc.perform(get("/usager/pro/depots/nouveau").param("procedure", "PC_TITRE_APRES_EXAMEN").cookie(intrus))
                .andReturn().getResponse().getStatus()).as("démarche hors des activités du garage").isEqualTo(403);
        // The victim's collaborators cannot be removed by the intruder's manager.
        int avant = jdbc.sql("select count(*) from tiers_collaborateur where entreprise_id = ?").param(ecole.entreprise()).query(Integer.class).single();
        mvc.perform(post("/usager/pro/collaborateurs/" + ecole.gerant().id() + "/retrait").cookie(intrus).with(csrf()));
        assertThat(jdbc.sql("select count(*) from tiers_collaborateur where entreprise_id = ?").param(ecole.entreprise()).query(Integer.class).single()).isEqualTo(avant);

        // The client (no company): every URL of the professional space is a 404.
        for (String url : List.of("/usager/pro", "/usager/pro/depots.csv", "/usager/pro/depots/" + depot,
                "/usager/pro/depots/nouveau?procedure=PC_TITRE_APRES_EXAMEN")) {
            assertThat(mvc.perform(get(url).cookie(client)).andReturn().getResponse().getStatus()).as(url).isEqualTo(404);
        }
        assertThat(DepotsTiersDeTest.deposer(mvc, client, DepotsTiersDeTest.client("Moi", eleve.email(), "9 rue Cachée"), null, "192.0.2.13")
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/usager/pro/collaborateurs").param("email", "x@exemple.fr").cookie(client).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        // Anonymous: sign-in first.
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot)).andReturn().getResponse().getRedirectedUrl()).endsWith("/connexion");

        // Suspended: reads, cannot file.
        instruction.appliquer(ecole.dossier(), CycleHabilitation.SUSPENDRE, TypeActeur.AGENT, ecole.agent().id(), "Contrôle");
        assertThat(mvc.perform(get("/usager/pro").cookie(victime)).andReturn().getResponse().getContentAsString())
                .contains(numero, "Vous ne pouvez plus déposer");
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(victime)).andReturn().getResponse().getStatus()).isEqualTo(200);
        int depots = jdbc.sql("select count(*) from tiers_depot").query(Integer.class).single();
        assertThat(DepotsTiersDeTest.deposer(mvc, victime, DepotsTiersDeTest.client("Apres", "apres@exemple.fr", "1 rue Neuve"), null,
                "192.0.2.12").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/usager/pro/depots/nouveau").param("procedure", "PC_TITRE_APRES_EXAMEN").cookie(victime))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from tiers_depot").query(Integer.class).single()).isEqualTo(depots);
    }

    @Test
    void unCollaborateurInvite_accepteAvecSonCompte_etDeposeAvecLui() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Équipe", 3, 200);
        Cookie gerant = ConnexionsHttp.usager(mvc, ecole.gerant());
        ComptesDeTest.Compte collegue = new ComptesDeTest(jdbc, encodeur).usager("83");
        mvc.perform(post("/usager/pro/collaborateurs").param("email", collegue.email()).cookie(gerant).with(csrf()));
        String lien = new BoiteCourriels(greenMail).attendre(collegue.email(), "Invitation").lien().replaceFirst("^https?://[^/]+", "");
        // Someone else signed in cannot take the invitation.
        ComptesDeTest.Compte autre = new ComptesDeTest(jdbc, encodeur).usager("83");
        mvc.perform(post(lien).cookie(ConnexionsHttp.usager(mvc, autre)).with(csrf()));
        assertThat(jdbc.sql("select count(*) from tiers_collaborateur where usager_id = ?").param(autre.id()).query(Integer.class).single()).isZero();

        Cookie session = ConnexionsHttp.usager(mvc, collegue);
        assertThat(mvc.perform(post(lien).cookie(session).with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/usager/pro");
        DepotsTiersDeTest.deposer(mvc, session, DepotsTiersDeTest.client("Equipe", "eleve-equipe@exemple.fr", "5 rue Haute"), null, "192.0.2.14");
        assertThat(jdbc.sql("select collaborateur_id from tiers_depot where client_email = 'eleve-equipe@exemple.fr'").query(Long.class).single())
                .isEqualTo(collegue.id());
        // The invitation served once.
        assertThat(mvc.perform(get(lien).cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
