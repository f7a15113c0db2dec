package fr.gouv.guichet.permis.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.GuichetApplication;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersPermisDeTest;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.timbre.ServiceTimbres;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, open point of the 4th session: in production several instances share one database (ADR 0013), and the
 * {@code permis-fabrication} task is executed by any of them. Here, instance A is the test context (where the CERT
 * validates) and instance B a second Guichet on the same database, configured like a production instance: the same
 * SMTP server and the same title production service as A. A's scheduler is paused, so the shipping is recorded by B's
 * task: the usager's step e-mail must still go exactly once, be recorded in {@code courriel_envoi}, and arrive. When B
 * dies between recording the shipping and sending its e-mail, A sends it at the outbox's resubmission (one minute after
 * the step, then at most {@code guichet.outbox.intervalle}), and B coming back sends nothing again (ADR 0026).
 */
@TestGuichet
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FabricationDeuxInstancesIntegrationTest {

    private static ConfigurableApplicationContext instanceB;

    @Autowired
    MockMvc mvc;
    @Autowired
    Dossiers dossiers;
    @Autowired
    ServiceTimbres timbres;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agents;
    @Autowired
    GreenMail greenMail;
    @Autowired
    ServicesExternesEmbarques embarques;
    @Autowired
    Environment env;
    @Autowired
    Scheduler planificateurA;

    @BeforeEach
    void demarrerInstanceB() {
        if (instanceB != null) {
            return;
        }
        Map<String, String> reglages = new HashMap<>();
        // Same database, same SMTP server, same production service as A: two instances of one deployment.
        reglages.put("spring.datasource.url", env.getRequiredProperty("spring.datasource.url"));
        reglages.put("spring.datasource.username", env.getRequiredProperty("spring.datasource.username"));
        reglages.put("spring.datasource.password", env.getProperty("spring.datasource.password", ""));
        reglages.put("spring.mail.host", env.getRequiredProperty("spring.mail.host"));
        reglages.put("spring.mail.port", env.getRequiredProperty("spring.mail.port"));
        reglages.put("guichet.permis.services.production.url", embarques.serveur().url(Service.PRODUCTION));
        reglages.put("guichet.permis.services.ephoto.url", embarques.serveur().url(Service.EPHOTO));
        reglages.put("guichet.permis.services.examens.url", embarques.serveur().url(Service.EXAMENS));
        reglages.put("guichet.timbres.service.url", embarques.serveur().url(Service.TIMBRES));
        reglages.put("guichet.url-publique", env.getRequiredProperty("guichet.url-publique"));
        reglages.put("spring.datasource.hikari.maximum-pool-size", "5");
        reglages.put("server.port", "0");
        reglages.put("db-scheduler.scheduler-name", "instance-b");
        // As arguments (command line): they take precedence over application.properties, as environment variables do.
        instanceB = new SpringApplicationBuilder(GuichetApplication.class).profiles("test")
                .run(reglages.entrySet().stream().map(r -> "--" + r.getKey() + "=" + r.getValue()).toArray(String[]::new));
    }

    @AfterEach
    void reprendreA() {
        planificateurA.resume();
    }

    @AfterAll
    static void arreterInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    @Order(1)
    void lExpeditionEnregistreeParLAutreInstance_leCourrielDEtapePartUneFois_estEnregistre_etArrive() throws Exception {
        Scheduler planificateurB = instanceB.getBean(Scheduler.class);
        assertThat(planificateurB.getSchedulerState().isPaused()).isFalse();
        mettreEnPause(planificateurA);

        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("33");
        long id = new DossiersPermisDeTest(dossiers, timbres).deposerAvecTimbre(usager.id(), "33");
        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent(InstructionCertIntegrationTest.CERT, RoleAgent.INSTRUCTEUR));
        FabricationDeTest.agir(mvc, agent, id, "PRENDRE_EN_CHARGE", "");
        FabricationDeTest.agir(mvc, agent, id, "VALIDER", "");

        // A's outbox listener orders the title at once; the shipping is only learnt by the task: B's (A's is paused).
        attendre(() -> FabricationDeTest.etat(jdbc, id).equals("EXPEDIE"), "titre expédié, enregistré par la tâche de l’instance B");
        assertThat(planificateurA.getSchedulerState().isPaused()).as("A n’a exécuté aucune tâche").isTrue();

        BoiteCourriels boite = new BoiteCourriels(greenMail);
        Fabrication f = new FabricationsRepository(jdbc).de(id).orElseThrow();
        assertThat(boite.attendre(usager.email(), "titre en fabrication").texte()).contains("commande n° " + f.numeroCommande());
        assertThat(boite.attendre(usager.email(), "titre expédié").texte()).contains("envoi suivi n° " + f.numeroSuivi())
                .contains("livraison prévue le");
        for (String etape : new String[]{"EN_PRODUCTION", "EXPEDIE"}) {
            attendre(() -> FabricationDeTest.courrielsEnvoyes(jdbc, id, etape) == 1, "courriel vers " + etape + " enregistré comme envoyé");
        }
        assertThat(tentativesMax(id)).as("chaque courriel envoyé du premier coup").isEqualTo(1);
        attendre(() -> publicationsEnCours(id) == 0, "plus aucune publication d’événement en cours pour le dossier");
        assertThat(boite.pour(usager.email())).as("chaque courriel d’étape une seule fois")
                .filteredOn(r -> r.sujet().contains("titre expédié")).hasSize(1);
        assertThat(boite.pour(usager.email())).filteredOn(r -> r.sujet().contains("titre en fabrication")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'EXPEDIE'").param(id)
                .query(Integer.class).single()).as("une seule expédition enregistrée").isEqualTo(1);
    }

    @Test
    @Order(2)
    void uneInstanceEnPauseOuArreteeNExecutePlusDeTache_ellesReprennentAuRedemarrage() {
        Scheduler planificateurB = instanceB.getBean(Scheduler.class);
        // What Spring does to a cached test context that another test class does not use (Spring Framework 7), and what
        // a graceful shutdown begins with: the executors of the outbox listeners stop, so the scheduler must stop first.
        instanceB.pause();
        assertThat(planificateurB.getSchedulerState().isPaused()).as("planificateur de B arrêté avec son contexte").isTrue();
        assertThat(planificateurB.getCurrentlyExecuting()).as("aucune exécution laissée en cours").isEmpty();
        instanceB.restart();
        assertThat(planificateurB.getSchedulerState().isPaused()).as("planificateur de B reparti avec son contexte").isFalse();
    }

    @Test
    @Order(3)
    void lInstanceQuiAEnregistreLExpeditionMeurtAvantSonCourriel_uneAutreLEnvoieApresLaRelanceDeLOutbox() throws Exception {
        Scheduler planificateurB = instanceB.getBean(Scheduler.class);
        ThreadPoolTaskExecutor ecouteursB = instanceB.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
        mettreEnPause(planificateurA);
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("33");
        long id = new DossiersPermisDeTest(dossiers, timbres).deposerAvecTimbre(usager.id(), "33");
        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent(InstructionCertIntegrationTest.CERT, RoleAgent.INSTRUCTEUR));
        try {
            // B's listeners no longer run: B records the shipping, then dies before its outbox listener sends the e-mail.
            ecouteursB.stop();
            FabricationDeTest.agir(mvc, agent, id, "PRENDRE_EN_CHARGE", "");
            FabricationDeTest.agir(mvc, agent, id, "VALIDER", "");
            attendre(() -> FabricationDeTest.etat(jdbc, id).equals("EXPEDIE"), "titre expédié, enregistré par la tâche de l’instance B");
            mettreEnPause(planificateurB);
            BoiteCourriels boite = new BoiteCourriels(greenMail);
            boite.attendre(usager.email(), "titre en fabrication");
            assertThat(boite.pour(usager.email())).filteredOn(r -> r.sujet().contains("titre expédié")).isEmpty();
            assertThat(publicationsEnCours(id)).as("l’annonce de l’expédition attend dans l’outbox").isPositive();

            // A minute later (guichet.outbox.relance-apres, counted from the publication: Spring Modulith also records it
            // as the last resubmission), A's outbox task takes it over at its next run (every 30 s): two minutes pass here.
            jdbc.sql("""
                            update event_publication set publication_date = publication_date - interval '2 minutes',
                              last_resubmission_date = last_resubmission_date - interval '2 minutes'
                            where completion_date is null and event_type like '%DossierTransitionne' and serialized_event like ?""")
                    .param("%\"dossierId\":" + id + ",%").update();
            planificateurA.resume();
            assertThat(boite.attendre(usager.email(), "titre expédié").texte()).contains("livraison prévue le");
            attendre(() -> FabricationDeTest.courrielsEnvoyes(jdbc, id, "EXPEDIE") == 1, "envoi enregistré par A");
        } finally {
            // B comes back to life: its listener, held until now, finds the e-mail sent and sends nothing.
            ecouteursB.start();
            planificateurB.resume();
        }
        attendre(() -> publicationsEnCours(id) == 0, "plus aucune publication d’événement en cours pour le dossier");
        assertThat(new BoiteCourriels(greenMail).pour(usager.email())).as("une seule annonce de l’expédition")
                .filteredOn(r -> r.sujet().contains("titre expédié")).hasSize(1);
    }

    private static void attendre(BooleanSupplier condition, String quoi) throws InterruptedException {
        FabricationDeTest.attendre(condition, quoi);
    }

    private static void mettreEnPause(Scheduler planificateur) throws InterruptedException {
        planificateur.pause();
        attendre(() -> planificateur.getCurrentlyExecuting().isEmpty(), "exécutions en cours de A terminées");
    }

    /** The most attempts any e-mail of the dossier's transitions took (1: no reservation taken over, no copy). */
    private int tentativesMax(long id) {
        return jdbc.sql("select max(tentatives) from courriel_envoi where cle like ?").param("notification-transition:" + id + ":%")
                .query(Integer.class).single();
    }

    private int publicationsEnCours(long id) {
        return jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                          and event_type like '%DossierTransitionne' and serialized_event like ?""")
                .param("%\"dossierId\":" + id + ",%").query(Integer.class).single();
    }
}
