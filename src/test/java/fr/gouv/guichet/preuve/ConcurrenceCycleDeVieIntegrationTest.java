package fr.gouv.guichet.preuve;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.demarche.VerificateurRejeu;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Concurrency check of the dossier lifecycle (issue 5, item 4): 16 clients fire 10,000 random lifecycle actions at
 * 200 deposited dossiers; a checker then replays every dossier's recorded transitions against the state machine
 * ({@link VerificateurRejeu}, on {@link CycleVideoprotection#CYCLE}): 0 illegal transitions, 0 lost updates, as many recorded steps as successful actions. The web
 * side answers a conflict (two agents taking the same dossier at once) with a clear message.
 */
@TestGuichet
class ConcurrenceCycleDeVieIntegrationTest {

    static final String DEPARTEMENT = "37";
    static final int DOSSIERS = 200;
    static final int CLIENTS = 16;
    static final int ACTIONS = 10_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    Agents agentsService;

    record Cible(long id, long usagerId) {
    }

    @Test
    void seizeClients_dixMilleActionsAleatoires_aucuneTransitionIllegale_aucuneMiseAJourPerdue() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        List<ComptesDeTest.Compte> usagers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            usagers.add(comptes.usager(DEPARTEMENT));
        }
        long agentId = new AgentsDeTest(agentsService).agent(DEPARTEMENT, RoleAgent.INSTRUCTEUR).id();
        List<Cible> cibles = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            ComptesDeTest.Compte usager = usagers.get(i % usagers.size());
            cibles.add(new Cible(deposeParSql(usager.id(), "CONC-ALEA-" + i), usager.id()));
        }
        long avant = jdbc.sql("select coalesce(max(id), 0) from dossier_transition").query(Long.class).single();

        AtomicInteger succes = new AtomicInteger();
        AtomicInteger conflits = new AtomicInteger();
        Map<String, AtomicInteger> succesParTransition = new ConcurrentHashMap<>();
        List<Throwable> inattendues = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger restantes = new AtomicInteger(ACTIONS);
        AtomicLong graine = new AtomicLong(20261123L);
        CountDownLatch depart = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> fins = new ArrayList<>();
        long debut = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            SplittableRandom hasard = new SplittableRandom(graine.getAndIncrement());
            fins.add(clients.submit(() -> {
                depart.await();
                while (restantes.getAndDecrement() > 0) {
                    Cible cible = cibles.get(hasard.nextInt(cibles.size()));
                    List<Transition> transitions = CycleVideoprotection.CYCLE.transitions();
                    Transition t = transitions.get(hasard.nextInt(transitions.size()));
                    // Mostly the transition's own actor, sometimes the other one (who must be refused).
                    TypeActeur acteur = hasard.nextInt(10) < 8 ? t.acteur() : (t.acteur() == TypeActeur.AGENT ? TypeActeur.USAGER : TypeActeur.AGENT);
                    try {
                        if (t.equals(CycleVideoprotection.COMPLETER) && acteur == TypeActeur.USAGER) {
                            dossiers.signalerPiecesTransmises(cible.id(), cible.usagerId());
                        } else {
                            long acteurId = acteur == TypeActeur.AGENT ? agentId : cible.usagerId();
                            instruction.appliquer(cible.id(), t, acteur, acteurId, acteur == TypeActeur.AGENT ? "essai de concurrence" : null);
                        }
                        succes.incrementAndGet();
                        succesParTransition.computeIfAbsent(t.code(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (TransitionImpossible e) {
                        conflits.incrementAndGet();
                    } catch (Throwable e) {
                        inattendues.add(e);
                    }
                }
                return null;
            }));
        }
        depart.countDown();
        for (Future<?> fin : fins) {
            fin.get(120, TimeUnit.SECONDS);
        }
        clients.shutdown();
        double secondes = (System.nanoTime() - debut) / 1e9;
        System.out.printf("Concurrence : %d actions en %.1f s (%.0f/s), %d succès, %d refus/conflits, par transition %s%n",
                ACTIONS, secondes, ACTIONS / secondes, succes.get(), conflits.get(), succesParTransition);

        assertThat(inattendues).as("exceptions autres que TransitionImpossible").isEmpty();
        assertThat(succes.get() + conflits.get()).isEqualTo(ACTIONS);
        assertThat(succes.get()).as("des actions ont abouti").isGreaterThan(DOSSIERS);
        assertThat(conflits.get()).as("des actions ont été refusées").isPositive();

        // ---- The checker: replay every dossier's history against the state machine. ----
        Long[] ids = cibles.stream().map(Cible::id).toArray(Long[]::new);
        Map<Long, List<VerificateurRejeu.Pas>> historiques = new HashMap<>();
        jdbc.sql("""
                        select t.dossier_id, t.de, t.vers, t.acteur_type from dossier_transition t
                        where t.dossier_id = any(?) order by t.dossier_id, t.id""")
                .param(ids).query(rs -> {
                    historiques.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new VerificateurRejeu.Pas(
                            rs.getString(2), rs.getString(3), TypeActeur.valueOf(rs.getString(4))));
                });
        Map<Long, String> etats = new HashMap<>();
        jdbc.sql("select id, etat from dossier where id = any(?)").param(ids)
                .query(rs -> {
                    etats.put(rs.getLong(1), rs.getString(2));
                });
        assertThat(etats).hasSize(DOSSIERS);
        List<String> illegales = new ArrayList<>();
        List<String> perdues = new ArrayList<>();
        for (Cible cible : cibles) {
            VerificateurRejeu.Verdict verdict = VerificateurRejeu.rejouer(CycleVideoprotection.CYCLE, historiques.get(cible.id()),
                    etats.get(cible.id()));
            verdict.illegales().forEach(i -> illegales.add(cible.id() + " : " + i));
            if (verdict.perdue() != null) {
                perdues.add(cible.id() + " : " + verdict.perdue());
            }
        }
        assertThat(illegales).as("transitions illégales ou non enchaînées").isEmpty();
        assertThat(perdues).as("mises à jour perdues").isEmpty();
        int enregistrees = jdbc.sql("""
                        select count(*) from dossier_transition t
                        where t.dossier_id = any(?) and t.id > ? and t.acteur_type in ('AGENT', 'USAGER')""")
                .params(ids, avant).query(Integer.class).single();
        assertThat(enregistrees).as("transitions enregistrées = actions réussies").isEqualTo(succes.get());
    }

    @Test
    void deuxAgentsPrennentLeMemeDossierEnMemeTemps_unSeulYParvient_lAutreLitUnMessageClair() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager(DEPARTEMENT);
        AgentsDeTest agents = new AgentsDeTest(agentsService);
        Cookie premier = agent(agents.agent(DEPARTEMENT, RoleAgent.INSTRUCTEUR));
        Cookie second = agent(agents.agent(DEPARTEMENT, RoleAgent.INSTRUCTEUR));
        ExecutorService deux = Executors.newFixedThreadPool(2);
        try {
            for (int essai = 0; essai < 5; essai++) {
                long id = deposeParSql(usager.id(), "CONC-HTTP-" + essai);
                CyclicBarrier ensemble = new CyclicBarrier(2);
                List<Future<MvcResult>> reponses = new ArrayList<>();
                for (Cookie session : List.of(premier, second)) {
                    reponses.add(deux.submit(() -> {
                        ensemble.await(10, TimeUnit.SECONDS);
                        return mvc.perform(post("/agent/dossiers/" + id + "/actions/PRENDRE_EN_CHARGE").cookie(session).with(csrf()))
                                .andExpect(status().is3xxRedirection()).andReturn();
                    }));
                }
                List<FlashMap> flashs = new ArrayList<>();
                for (Future<MvcResult> r : reponses) {
                    flashs.add(r.get(30, TimeUnit.SECONDS).getFlashMap());
                }
                assertThat(flashs.stream().filter(f -> f.containsKey("messageSucces")).count()).as("une seule prise en charge").isEqualTo(1);
                int refuse = flashs.get(0).containsKey("erreurAction") ? 0 : 1;
                assertThat((String) flashs.get(refuse).get("erreurAction")).contains("n’est plus possible").contains("changé d’état");
                assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'EN_INSTRUCTION'")
                        .param(id).query(Integer.class).single()).isEqualTo(1);
                // The refused agent follows the redirection, in their own session: the page says why, plainly.
                String page = mvc.perform(get("/agent/dossiers/" + id).cookie(List.of(premier, second).get(refuse)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(page).contains("Cette action n’est plus possible : le dossier a changé d’état entre-temps.");
            }
        } finally {
            deux.shutdown();
        }
    }

    private Cookie agent(AgentsDeTest.Agent agent) throws Exception {
        MvcResult r = mvc.perform(post("/agent/connexion").with(csrf()).param("email", agent.email())
                .param("motDePasse", AgentsDeTest.MOT_DE_PASSE)).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/agent");
        return r.getResponse().getCookie("GUICHET_SESSION");
    }

    /**
     * A deposited dossier: the draft through the API (its creation recorded), then the deposit written directly, as
     * {@code Dossiers.deposer} records it (the préfecture of its département as its service), without the récépissé (PDF and e-mail), which is not the subject here.
     */
    private long deposeParSql(long usagerId, String numero) {
        long id = dossiers.creerBrouillon(usagerId, DEPARTEMENT, "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        jdbc.sql("""
                        update dossier set etat = 'DEPOSE', numero = ?, cle_validation = gen_random_uuid(), depose_le = now(),
                               complet_le = now(), service = code_departement, version = version + 1
                        where id = ? and etat = 'BROUILLON'""")
                .params(numero, id).update();
        jdbc.sql("insert into dossier_transition (dossier_id, de, vers, acteur_type, acteur_id, motif) values (?, 'BROUILLON', 'DEPOSE', 'USAGER', ?, ?)")
                .params(id, usagerId, CycleVideoprotection.DEPOSER.libelle()).update();
        return id;
    }
}
