package fr.gouv.guichet.immatriculation;

import fr.gouv.fauxservices.Pannes;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.immatriculation.internal.PiecesDemande;
import fr.gouv.guichet.immatriculation.internal.ServeurDemoEmbarque;
import fr.gouv.guichet.immatriculation.internal.SuiviProduction;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.gouv.guichet.immatriculation.VehiculesDeTest.attendre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13, the card ordered once: the processing that follows the validation and the passes of the task
 * {@code immatriculation-suivi-cartes} (of any instance) reach a validated dossier at the same time. The production
 * service of the demonstration is slowed down so that they overlap for sure: the production receives one order per
 * dossier, no transition is attempted twice, nothing is lost (the card is shipped, the register updated once). The task
 * never orders a card before the register records the new holder. With the production down, the dossier waits
 * validated, the usager reads why, and the card is ordered once it is back.
 */
@TestGuichet
class CommandeCarteConcurrenceIntegrationTest {

    private static final Duration LENTEUR = Duration.ofMillis(1500);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    InstructionDossiers dossiers;
    @Autowired
    ServeurDemoEmbarque demo;
    @Autowired
    SuiviProduction suivi;
    @Autowired
    PiecesDemande pieces;
    @Autowired
    Agents agents;
    @Autowired
    TransactionTemplate transactions;

    ComptesDeTest comptes;
    VehiculesDeTest vehicules;
    ParcoursImmatriculation parcours;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        vehicules = new VehiculesDeTest(jdbc);
        parcours = new ParcoursImmatriculation(mvc, jdbc);
    }

    @AfterEach
    void productionRetablie() {
        demo.serveur().pannes().reparer();
    }

    record Achat(Cookie acheteur, long id, long vehiculeId) {
    }

    /** A change of holder bought and paid: the dossier is deposited, then validated by the system. */
    Achat achatPaye() throws Exception {
        return achatPaye(false);
    }

    /** The same; a pledged vehicle goes to the CERT's queue instead. */
    Achat achatPaye(boolean gage) throws Exception {
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        VehiculesDeTest.VehiculeDeTest v = vehicules.vehicule(vendeur.id(), gage);
        String code = parcours.vendre(ConnexionsHttp.usager(mvc, vendeur), v)[0];
        Cookie sa = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        long id = parcours.acheter(sa, v.immatriculation(), code, "Acheteur");
        parcours.choisir(parcours.payerLien(sa, id), "payer");
        return new Achat(sa, id, v.id());
    }

    String etat(long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    String numero(long id) {
        return jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
    }

    /** Orders of this dossier's card received by the production service (whichever instance sent them). */
    int commandes(long id) {
        return demo.serveur().certificatsDemandes(numero(id));
    }

    /** {@code n} passes of the task at once, as several instances run it; what they threw. */
    List<Throwable> passagesSimultanes(int n) throws InterruptedException {
        ExecutorService executeur = Executors.newFixedThreadPool(n);
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<?>> passages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            passages.add(executeur.submit(() -> {
                depart.await();
                suivi.passage();
                return null;
            }));
        }
        depart.countDown();
        List<Throwable> erreurs = new ArrayList<>();
        for (Future<?> f : passages) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                erreurs.add(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                erreurs.add(e);
            }
        }
        executeur.shutdownNow();
        return erreurs;
    }

    /** Waits closely (10 ms) for the validation, so that the passes start while its order is on its way. */
    void attendreValidation(long id) throws InterruptedException {
        long fin = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (List.of("BROUILLON", "DEPOSE").contains(etat(id))) {
            assertThat(System.nanoTime()).as("dossier validé en 60 s").isLessThan(fin);
            Thread.sleep(10);
        }
    }

    /** The card is shipped, every step recorded once, the register updated once, no listener left failing. */
    void rienDePerdu(Achat a) {
        rienDePerdu(a, "BROUILLON", "DEPOSE", "VALIDE", "EN_PRODUCTION", "EXPEDIE");
    }

    void rienDePerdu(Achat a, String... etapes) {
        attendre("carte expédiée", () -> etat(a.id()).equals("EXPEDIE"));
        assertThat(dossiers.transitions(a.id())).extracting(t -> t.vers().code()).containsExactly(etapes);
        assertThat(commandes(a.id())).as("une seule commande au service de production").isOne();
        assertThat(jdbc.sql("select count(*) from vehicule_operation where dossier_id = ?").param(a.id()).query(Integer.class).single())
                .as("registre mis à jour une fois").isOne();
        attendre("aucun écouteur du dossier en échec", () -> jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                        and serialized_event ~ ('"dossierId":' || ? || '[,}]')""").param(a.id()).query(Integer.class).single() == 0);
    }

    @Test
    void laCommandeQuiSuitLaValidationEtQuatrePassagesDeLaTache_enMemeTemps_uneSeuleCommande() throws Exception {
        // Every call to the production takes 1.5 s: the order that follows the validation is still on its way when the
        // passes read the dossier as validated.
        demo.serveur().pannes().programmer(Service.PRODUCTION, Pannes.Mode.LENT, 50, LENTEUR);
        Achat a = achatPaye();
        attendreValidation(a.id());

        assertThat(passagesSimultanes(4)).as("aucune transition impossible, aucune erreur").isEmpty();

        rienDePerdu(a);
    }

    @Test
    void laTacheNeCommandePasLaCarteAvantLaMiseAJourDuRegistre_laCartePorteLeNouveauTitulaire() throws Exception {
        Achat a = achatPaye(true);
        attendre("orienté vers un agent (gage)", () -> etat(a.id()).equals("A_EXAMINER"));
        // The register is slow to record this vehicle's new holder (its row held by another transaction): the processing
        // that follows the agent's acceptance waits there, the dossier already validated.
        CountDownLatch tenu = new CountDownLatch(1);
        CountDownLatch relacher = new CountDownLatch(1);
        CompletableFuture<Void> verrou = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("select id from vehicule where id = ? for update").param(a.vehiculeId()).query(Long.class).single();
            tenu.countDown();
            try {
                relacher.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(tenu.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            long agent = new AgentsDeTest(agents).agent("cert-immatriculation-nimes", RoleAgent.INSTRUCTEUR).id();
            dossiers.appliquer(a.id(), CycleImmatriculation.ACCEPTER, TypeActeur.AGENT, agent, "Mainlevée du gage produite");
            Thread.sleep(500);
            assertThat(passagesSimultanes(2)).isEmpty();
            assertThat(etat(a.id())).as("aucune carte commandée au nom de l’ancien titulaire").isEqualTo("VALIDE");
            assertThat(commandes(a.id())).isZero();
        } finally {
            relacher.countDown();
            verrou.join();
        }
        rienDePerdu(a, "BROUILLON", "DEPOSE", "A_EXAMINER", "VALIDE", "EN_PRODUCTION", "EXPEDIE");
        assertThat(demo.serveur().titulairesCertificats(numero(a.id()))).containsExactly("Dominique Acheteur");
    }

    @Test
    void productionEnPanne_leDossierAttendValideAvecUnMessageClair_puisLaCarteEstCommandeeUneFoisASonRetour() throws Exception {
        demo.serveur().pannes().programmer(Service.PRODUCTION, Pannes.Mode.INDISPONIBLE, 100_000);
        Achat a = achatPaye();
        attendre("commande refusée par la production en panne", () -> jdbc.sql(
                "select production_indisponible_depuis is not null from demande_immatriculation where dossier_id = ?")
                .param(a.id()).query(Boolean.class).single());
        assertThat(passagesSimultanes(4)).isEmpty();
        assertThat(etat(a.id())).isEqualTo("VALIDE");
        assertThat(commandes(a.id())).isZero();
        mvc.perform(get("/usager/vehicules/demandes/" + a.id()).cookie(a.acheteur())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"production-indisponible\"")))
                .andExpect(content().string(containsString("ne répond pas pour le moment")))
                .andExpect(content().string(containsString("rien n’est perdu")))
                .andExpect(content().string(containsString("id=\"certificat-provisoire\"")));
        mvc.perform(get("/usager/vehicules/demandes/" + a.id() + "/certificat-provisoire.pdf").cookie(a.acheteur()))
                .andExpect(status().isOk());
        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("cert-immatriculation-nimes", RoleAgent.INSTRUCTEUR));
        mvc.perform(get("/agent/dossiers/" + a.id()).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"production-indisponible-cert\"")));

        // Back, but slow: the passes (these four, and the task's own) reach the dossier together.
        demo.serveur().pannes().reparer();
        demo.serveur().pannes().programmer(Service.PRODUCTION, Pannes.Mode.LENT, 50, LENTEUR);
        assertThat(passagesSimultanes(4)).as("aucune transition impossible, aucune erreur").isEmpty();

        rienDePerdu(a);
        mvc.perform(get("/usager/vehicules/demandes/" + a.id()).cookie(a.acheteur())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("production-indisponible"))))
                .andExpect(content().string(containsString("numéro de suivi")));
    }

    /**
     * CI of 2 December 2026: the buyer reloads the page of the request while the shipping is being recorded (by the
     * task, another instance, or another tab). Each page asks the production where the card stands; the ones that
     * learn of the shipping after another has recorded it found the transition already made — the page answered 500
     * (the transition refused inside the page's transaction had marked it rollback-only). The production's answers
     * are delayed past the shipping date, so that three pages read the dossier in production and all learn of the
     * shipping at the same time: one records it, the others show the page.
     */
    @Test
    void lAcheteurQuiRechargeSaPagePendantLExpedition_voitSaPage() throws Exception {
        Achat a = achatPaye();
        attendre("carte commandée", () -> etat(a.id()).equals("EN_PRODUCTION"));
        demo.serveur().pannes().programmer(Service.PRODUCTION, Pannes.Mode.LENT, 50, Duration.ofMillis(2500));
        ExecutorService executeur = Executors.newFixedThreadPool(3);
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<Integer>> pages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pages.add(executeur.submit(() -> {
                depart.await();
                return mvc.perform(get("/usager/vehicules/demandes/" + a.id()).cookie(a.acheteur())).andReturn().getResponse().getStatus();
            }));
        }
        depart.countDown();
        List<String> issues = new ArrayList<>();
        for (Future<Integer> f : pages) {
            try {
                issues.add(String.valueOf(f.get(60, TimeUnit.SECONDS)));
            } catch (ExecutionException e) {
                issues.add(e.getCause().toString());
            }
        }
        executeur.shutdownNow();
        assertThat(issues).containsExactly("200", "200", "200");
        rienDePerdu(a);
    }

    /**
     * Neighbour of the defect above: the documents of a request are joined to the dossier inside the transaction that
     * records its payment; a document the dossier refuses (here: the dossier has been decided and shipped since) is
     * left with the request, logged, and must not undo the rest — its refusal marked the payment's transaction
     * rollback-only, and the whole recording failed at commit.
     */
    @Test
    void unePieceRefuseeALaTransmission_nAnnulePasLaTransactionQuiLaTransmet() throws Exception {
        Achat a = achatPaye();
        rienDePerdu(a);
        long usager = jdbc.sql("select usager_id from dossier where id = ?").param(a.id()).query(Long.class).single();
        jdbc.sql("""
                insert into demande_immatriculation_piece (dossier_id, code, nom, type_contenu, taille, sha256, cle_stockage, ajoutee_le)
                values (?, 'piece_tardive', 'tardive.pdf', 'PDF', 1000, repeat('a', 64), 'cle-de-test', now())""").param(a.id()).update();

        transactions.executeWithoutResult(s -> {
            pieces.transmettre(a.id(), usager);
            jdbc.sql("update dossier set modifie_le = modifie_le where id = ?").param(a.id()).update();
        });

        assertThat(jdbc.sql("select transmise_le is null from demande_immatriculation_piece where dossier_id = ? and code = 'piece_tardive'")
                .param(a.id()).query(Boolean.class).single()).as("la pièce refusée reste avec la demande").isTrue();
    }
}
