package fr.gouv.guichet.referentiel;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Services instructeurs end to end: a deposit gets the competent service, a CERT's queue spans its départements, an
 * agent of another service is refused, the national administrator adds a dated row, a service's administrator edits
 * its contact details, and a service with incomplete details does not offer its procedures.
 */
@TestGuichet
class ServicesInstructeursIntegrationTest {

    static final String CERT = "cert-permis-bordeaux";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    Agents agentsService;
    @Autowired
    Competences competences;
    @Autowired
    ServicesInstructeurs services;
    @Autowired
    GreenMail greenMail;
    @Autowired
    Departements departements;

    ComptesDeTest comptes;
    AgentsDeTest agents;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        agents = new AgentsDeTest(agentsService);
    }

    long deposer(String departement, String denomination) {
        ComptesDeTest.Compte usager = comptes.usager(departement);
        var reponses = DossiersDeTest.reponsesValides();
        reponses.put("denomination", denomination);
        long id = dossiers.creerBrouillon(usager.id(), departement, "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);
        dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP");
        return id;
    }

    String service(long dossier) {
        return jdbc.sql("select service from dossier where id = ?").param(dossier).query(String.class).single();
    }

    String numero(long dossier) {
        return jdbc.sql("select numero from dossier where id = ?").param(dossier).query(String.class).single();
    }

    @Test
    void auDepot_leDossierRecoitLeServiceCompetent_famille_departement_dateDeDepot() {
        assertThat(service(deposer("83", "Boulangerie de Toulon"))).isEqualTo("83");
        assertThat(service(deposer("75", "Grand magasin parisien"))).isEqualTo("75");
        assertThat(services.parCode("75").orElseThrow().type()).isEqualTo(TypeService.PREFECTURE_POLICE);
        // The Var's rows of the sources (2017) and one CERT per family for every département.
        LocalDate aujourdhui = LocalDate.now();
        assertThat(competences.serviceCompetent("PERMIS", "83", aujourdhui)).contains(CERT);
        assertThat(competences.serviceCompetent("IMMATRICULATION", "83", aujourdhui)).contains("cert-immatriculation-nimes");
        assertThat(competences.serviceCompetent("PERMIS", "83", LocalDate.of(2017, 11, 5))).isEmpty();
        for (Departement d : departements.tous()) {
            for (String famille : java.util.List.of("VIDEOPROTECTION", "PERMIS", "IMMATRICULATION", "IDENTITE")) {
                assertThat(competences.serviceCompetent(famille, d.code(), aujourdhui)).as(famille + " " + d.code()).isPresent();
            }
        }
        assertThat(competences.departementsServis(CERT, aujourdhui)).contains("83", "33", "13").doesNotContain("75");
    }

    @Test
    void laFileDUnCert_couvreSesDepartements_avecUnFiltreParDepartement_etLeRefuseAuxAutresServices() throws Exception {
        long var = deposer("83", "Auto-école du Var");
        long gironde = deposer("33", "Auto-école de Gironde");
        // No driving-licence procedure is declared yet: these dossiers are handed to the CERT as its own would be.
        jdbc.sql("update dossier set service = ? where id in (?, ?)").params(CERT, var, gironde).update();
        Cookie cert = ConnexionsHttp.agent(mvc, agents.agent(CERT, RoleAgent.INSTRUCTEUR));
        Cookie prefectureDuVar = ConnexionsHttp.agent(mvc, agents.agent("83", RoleAgent.ADMINISTRATEUR));

        String file = mvc.perform(get("/agent/services/" + CERT + "/file").cookie(cert)).andReturn().getResponse().getContentAsString();
        assertThat(file).contains(numero(var), numero(gironde)).contains("Tous les départements servis");
        String filtree = mvc.perform(get("/agent/services/" + CERT + "/file").param("departement", "83").cookie(cert)).andReturn()
                .getResponse().getContentAsString();
        assertThat(filtree).contains(numero(var)).doesNotContain(numero(gironde));
        String csv = mvc.perform(get("/agent/services/" + CERT + "/file.csv").cookie(cert)).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains(numero(var), numero(gironde));
        String csvFiltre = mvc.perform(get("/agent/services/" + CERT + "/file.csv").param("departement", "33").cookie(cert)).andReturn()
                .getResponse().getContentAsString();
        assertThat(csvFiltre).contains(numero(gironde)).doesNotContain(numero(var));
        assertThat(mvc.perform(get("/agent/services/" + CERT + "/tableau-de-bord").cookie(cert)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/agent/dossiers/" + var).cookie(cert)).andReturn().getResponse().getStatus()).isEqualTo(200);

        // The Var's préfecture no longer reaches a dossier of the Var instructed by the CERT, nor the CERT's queue…
        assertThat(mvc.perform(get("/agent/dossiers/" + var).cookie(prefectureDuVar)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/agent/services/" + CERT + "/file").cookie(prefectureDuVar)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        String fileDuVar = mvc.perform(get("/agent/services/83/file").param("q", numero(var)).cookie(prefectureDuVar)).andReturn()
                .getResponse().getContentAsString();
        // (the typed number is echoed in the search field: what must be absent is the dossier's row)
        assertThat(fileDuVar).doesNotContain("/agent/dossiers/" + var + "\"");
        // … and the CERT agent reaches neither the préfecture's queue, register, commission nor its dossiers.
        long videoprotection = deposer("83", "Commerce du Var");
        for (String url : java.util.List.of("/agent/services/83/file", "/agent/services/83/file.csv", "/agent/services/83/tableau-de-bord",
                "/agent/prefectures/83/registre", "/agent/prefectures/83/commission", "/agent/services/83/agents",
                "/agent/services/83/coordonnees", "/agent/dossiers/" + videoprotection, "/agent/dossiers/" + videoprotection + "/pieces.zip",
                "/agent/services/" + CERT + "/coordonnees")) {
            assertThat(mvc.perform(get(url).cookie(cert)).andReturn().getResponse().getStatus()).as(url).isEqualTo(404);
        }
        // The national pages are refused by role (403), whatever the service.
        assertThat(mvc.perform(get("/agent/national/competences").cookie(cert)).andReturn().getResponse().getStatus()).isEqualTo(403);
        String recherche = mvc.perform(get("/agent/services/" + CERT + "/file").param("q", numero(videoprotection)).cookie(cert))
                .andReturn().getResponse().getContentAsString();
        assertThat(recherche).doesNotContain("/agent/dossiers/" + videoprotection + "\"");
    }

    @Test
    void lAdministrateurNational_ajouteUneLigneDatee_sansEcraser_etLesErreursSontAcoteDesChamps() throws Exception {
        AgentsDeTest.Agent national = national();
        Cookie session = ConnexionsHttp.agent(mvc, national);
        int avant = jdbc.sql("select count(*) from competence").query(Integer.class).single();

        MvcResult erreur = mvc.perform(post("/agent/national/competences").cookie(session).with(csrf())
                .param("famille", "INCONNUE").param("departement", "2A").param("service", "2B")
                .param("valideDu", "31/02/2090").param("valideAu", "").param("source", "")).andReturn();
        String page = erreur.getResponse().getContentAsString();
        assertThat(erreur.getResponse().getStatus()).isEqualTo(200);
        assertThat(page).contains("Choisissez une famille de démarches de la liste.", "Indiquez la date d’effet au format jj/mm/aaaa",
                "Indiquez la décision qui fonde cette ligne", "id=\"valideDu-erreur\"", "aria-describedby=\"valideDu-erreur\"");
        assertThat(jdbc.sql("select count(*) from competence").query(Integer.class).single()).isEqualTo(avant);

        MvcResult ok = mvc.perform(post("/agent/national/competences").cookie(session).with(csrf())
                .param("famille", "VIDEOPROTECTION").param("departement", "2A").param("service", "2B")
                .param("valideDu", "01/01/2090").param("valideAu", "").param("source", "Arrêté de réorganisation (test)")).andReturn();
        assertThat(ok.getResponse().getRedirectedUrl()).startsWith("/agent/national/competences");
        assertThat(competences.serviceCompetent("VIDEOPROTECTION", "2A", LocalDate.of(2089, 12, 31))).contains("2A");
        assertThat(competences.serviceCompetent("VIDEOPROTECTION", "2A", LocalDate.of(2090, 1, 1))).contains("2B");
        assertThat(competences.historique("VIDEOPROTECTION", "2A")).extracting(Competence::service).containsExactly("2B", "2A");
        String historique = mvc.perform(get("/agent/national/competences").param("famille", "VIDEOPROTECTION").param("departement", "2A")
                .cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(historique).contains("01/01/2090", "Arrêté de réorganisation (test)");

        Cookie prefet = ConnexionsHttp.agent(mvc, agents.agent("2A", RoleAgent.ADMINISTRATEUR));
        assertThat(mvc.perform(get("/agent/national/competences").cookie(prefet)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/agent/national/competences").cookie(prefet).with(csrf()).param("famille", "VIDEOPROTECTION")
                .param("departement", "2A").param("service", "2A").param("valideDu", "01/01/2091").param("source", "Pirate"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(competences.historique("VIDEOPROTECTION", "2A")).hasSize(2);
    }

    @Test
    void coordonneesIncompletes_demarcheNonProposee_raisonVisible_puisCorrigeesParLAdministrateur_etImprimeesSurLAccuse() throws Exception {
        String code = "2B";
        ServiceInstructeur.Coordonnees fictives = services.parCode(code).orElseThrow().coordonnees();
        jdbc.sql("update service_instructeur set telephone = 'standard de la préfecture', horaires = '' where code = ?").param(code).update();
        try {
            AgentsDeTest.Agent admin = agents.agent(code, RoleAgent.ADMINISTRATEUR);
            Cookie session = ConnexionsHttp.agent(mvc, admin);
            ComptesDeTest.Compte usager = comptes.usager(code);
            Cookie sessionUsager = ConnexionsHttp.usager(mvc, usager);

            String choix = mvc.perform(get("/usager/videoprotection").cookie(sessionUsager)).andReturn().getResponse().getContentAsString();
            assertThat(choix).contains("pas encore proposée en ligne").doesNotContain("/usager/videoprotection/nouveau?demarche=AUTORISATION");
            int brouillons = jdbc.sql("select count(*) from dossier where usager_id = ?").param(usager.id()).query(Integer.class).single();
            String creation = mvc.perform(post("/usager/videoprotection/nouveau").cookie(sessionUsager).with(csrf())
                    .param("demarche", "AUTORISATION").param("lieu", "UN_DEPARTEMENT")).andReturn().getResponse().getContentAsString();
            assertThat(creation).contains("pas encore proposée en ligne");
            assertThat(jdbc.sql("select count(*) from dossier where usager_id = ?").param(usager.id()).query(Integer.class).single())
                    .isEqualTo(brouillons);

            String tableau = mvc.perform(get("/agent/services/" + code + "/tableau-de-bord").cookie(session)).andReturn().getResponse()
                    .getContentAsString();
            assertThat(tableau).contains("ne sont pas proposées aux usagers", "Indiquez un numéro de téléphone joignable",
                    "Indiquez les horaires d’ouverture");
            String nationale = mvc.perform(get("/agent/national").cookie(ConnexionsHttp.agent(mvc, national()))).andReturn().getResponse()
                    .getContentAsString();
            assertThat(nationale).contains("Préfecture de la Haute-Corse", "Indiquez un numéro de téléphone joignable");

            // Wrong values: messages beside the fields, nothing written.
            String refuse = mvc.perform(post("/agent/services/" + code + "/coordonnees").cookie(session).with(csrf())
                    .param("adresse", "Bastia").param("telephone", "abc").param("courriel", "pas-un-courriel")
                    .param("horaires", "x".repeat(301)).param("signatairePrenom", "Jeanne").param("signataireNom", "Martin")
                    .param("signataireQualite", "La secrétaire générale de la préfecture").param("referenceDelegation", ""))
                    .andReturn().getResponse().getContentAsString();
            assertThat(refuse).contains("id=\"telephone-erreur\"", "aria-invalid=\"true\"", "code postal à 5 chiffres",
                    "ne doivent pas dépasser 300 caractères", "référence de l’arrêté de délégation de signature");
            assertThat(services.parCode(code).orElseThrow().coordonnees().telephone()).isEqualTo("standard de la préfecture");

            MvcResult enregistre = mvc.perform(post("/agent/services/" + code + "/coordonnees").cookie(session).with(csrf())
                    .param("adresse", "Préfecture de la Haute-Corse\nRond-point du Maréchal Leclerc\n20401 Bastia Cedex 9")
                    .param("telephone", "04 95 34 50 00").param("courriel", "pref-videoprotection@haute-corse.gouv.fr")
                    .param("horaires", "Du lundi au vendredi, de 8 h 30 à 16 h").param("signatairePrenom", "Jeanne")
                    .param("signataireNom", "Martin").param("signataireQualite", "La secrétaire générale de la préfecture")
                    .param("referenceDelegation", "n° 2B-2026-DS-001 du 5 janvier 2026")).andReturn();
            assertThat(enregistre.getResponse().getRedirectedUrl()).isEqualTo("/agent/services/" + code + "/coordonnees");
            assertThat(mvc.perform(get("/usager/videoprotection").cookie(sessionUsager)).andReturn().getResponse().getContentAsString())
                    .doesNotContain("pas encore proposée en ligne").contains("/usager/videoprotection/nouveau?demarche=AUTORISATION");

            // The accusé de réception by e-mail gives the service's contact details and opening hours.
            long id = dossiers.creerBrouillon(usager.id(), code, "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(),
                    null, null);
            String numero = dossiers.deposer(id, usager.id(), UUID.randomUUID(), "VP").valeur();
            BoiteCourriels.Recu accuse = new BoiteCourriels(greenMail).attendre(usager.email(), "Accusé de réception de votre demande " + numero, 1);
            assertThat(accuse.texte()).contains("Rond-point du Maréchal Leclerc", "04 95 34 50 00", "pref-videoprotection@haute-corse.gouv.fr",
                    "Du lundi au vendredi, de 8 h 30 à 16 h");
        } finally {
            services.enregistrer(code, fictives, null);
        }
    }

    AgentsDeTest.Agent national() {
        String email = "national-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        long id = agentsService.creerAvecMotDePasse(email, "Administrateur national", AgentsDeTest.MOT_DE_PASSE, true);
        return new AgentsDeTest.Agent(id, email);
    }
}
