package fr.gouv.guichet.permis.internal;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.ReponsesPermisDeTest;
import fr.gouv.guichet.permis.internal.RendezVousPrefecture.CreneauPris;
import fr.gouv.guichet.permis.internal.RendezVousPrefecture.Reserve;
import fr.gouv.guichet.permis.internal.RendezVousPrefecture.Resultat;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.support.TransactionTenue;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, point 5b: the exchange of a non-EU licence goes to the préfecture with an appointment — the usager books a
 * slot of the préfecture instructing the dossier, moves it, cancels it, is told by e-mail; the préfecture's agent
 * sees it; a slot never holds more appointments than desks and a dossier never holds two, under concurrency.
 */
@TestGuichet
class RendezVousPrefectureIntegrationTest {

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
    Agents agents;
    @Autowired
    GreenMail greenMail;
    @Autowired
    RendezVousPrefecture rendezVous;
    @Autowired
    AgendaPrefecture agenda;
    @Autowired
    DataSource source;

    record Depose(ComptesDeTest.Compte compte, Dossier dossier) {
    }

    Depose deposer(DemarchePermis demarche) {
        return deposer(demarche, "Nguyen");
    }

    Depose deposer(DemarchePermis demarche, String nom) {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(compte.id(), "83", demarche.code(), demarche.formulaire(), "1",
                ReponsesPermisDeTest.valides(demarche, "DEMOEPHOTOVALIDE000001", "", nom), null, null);
        dossiers.deposer(id, compte.id(), UUID.randomUUID(), DemarchePermis.PREFIXE);
        return new Depose(compte, dossiers.deLUsager(id, compte.id()).orElseThrow());
    }

    /** The slots of a working day of the agenda, by its rank among the days offered. */
    List<LocalDateTime> creneaux(int rangDuJour) {
        return agenda.creneaux(agenda.jours(rendezVous.aujourdhui()).get(rangDuJour));
    }

    MvcResult choisir(Cookie session, long id, String debut) throws Exception {
        return mvc.perform(post("/usager/permis/dossiers/" + id + "/rendez-vous").cookie(session).with(csrf()).param("debut", debut))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    long actifs(LocalDateTime debut) {
        return jdbc.sql("select count(*) from permis_rendez_vous where service = '83' and statut = 'ACTIF' and debut = ?")
                .param(java.sql.Timestamp.from(AgendaPrefecture.instant(debut))).query(Long.class).single();
    }

    @Test
    void lUsagerReserveDeplaceAnnule_estInformeParCourriel_lAgentDeLaPrefectureLeVoit() throws Exception {
        Depose d = deposer(DemarchePermis.ECHANGE_HORS_UE);
        long id = d.dossier().id();
        assertThat(instruction.service(id)).contains("83");
        Cookie session = ConnexionsHttp.usager(mvc, d.compte());
        assertThat(mvc.perform(get("/usager/dossiers/" + id).cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("Prendre rendez-vous à la préfecture").contains("/usager/permis/dossiers/" + id + "/rendez-vous");
        LocalDateTime premier = creneaux(2).getFirst();
        String page = mvc.perform(get("/usager/permis/dossiers/" + id + "/rendez-vous").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + premier + "\"").contains("Réserver ce créneau");

        MvcResult reserve = choisir(session, id, premier.toString());
        assertThat(reserve.getResponse().getRedirectedUrl()).isEqualTo("/usager/dossiers/" + id);
        assertThat((String) reserve.getFlashMap().get("messageSucces")).contains("réservé").contains(RendezVousPrefecture.enClair(premier));
        BoiteCourriels boite = new BoiteCourriels(greenMail);
        assertThat(boite.attendre(d.compte().email(), "rendez-vous en préfecture confirmé").texte())
                .contains(RendezVousPrefecture.enClair(premier)).contains(d.dossier().numero());
        assertThat(mvc.perform(get("/usager/dossiers/" + id).cookie(session)).andReturn().getResponse().getContentAsString())
                .contains(RendezVousPrefecture.enClair(premier)).contains("Déplacer ou annuler mon rendez-vous");

        LocalDateTime second = creneaux(2).get(1);
        MvcResult deplace = choisir(session, id, second.toString());
        assertThat((String) deplace.getFlashMap().get("messageSucces")).contains("déplacé");
        assertThat(rendezVous.actif(id).orElseThrow().debut()).isEqualTo(second);
        assertThat(actifs(premier)).as("l’ancien créneau est libéré").isZero();
        assertThat(boite.attendre(d.compte().email(), "rendez-vous en préfecture déplacé").texte()).contains(RendezVousPrefecture.enClair(second));

        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR));
        assertThat(mvc.perform(get("/agent/dossiers/" + id).cookie(agent)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Rendez-vous en préfecture").contains(RendezVousPrefecture.enClair(second));

        mvc.perform(post("/usager/permis/dossiers/" + id + "/rendez-vous/annulation").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(rendezVous.actif(id)).isEmpty();
        assertThat(boite.attendre(d.compte().email(), "rendez-vous en préfecture annulé").texte()).contains(RendezVousPrefecture.enClair(second));
    }

    @Test
    void laPrefectureVoitLesRendezVousDuJour_lesAutresServicesNon() throws Exception {
        LocalDateTime premier = creneaux(7).getFirst();
        LocalDateTime second = creneaux(7).get(1);
        String nomA = nomUnique();
        String nomB = nomUnique();
        Depose a = deposer(DemarchePermis.ECHANGE_HORS_UE, nomA);
        Depose b = deposer(DemarchePermis.ECHANGE_HORS_UE, nomB);
        Depose annule = deposer(DemarchePermis.ECHANGE_HORS_UE, nomUnique());
        assertThat(rendezVous.reserver(a.dossier(), second)).isInstanceOf(Reserve.class);
        assertThat(rendezVous.reserver(b.dossier(), premier)).isInstanceOf(Reserve.class);
        assertThat(rendezVous.reserver(annule.dossier(), premier)).isInstanceOf(Reserve.class);
        assertThat(rendezVous.annuler(annule.dossier())).isTrue();

        Cookie agent = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR));
        String url = "/agent/services/83/rendez-vous-permis?jour=" + premier.toLocalDate();
        String page = mvc.perform(get(url).cookie(agent)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Rendez-vous du " + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRANCE)
                        .format(premier.toLocalDate()))
                .contains("Camille " + nomA).contains(a.dossier().numero()).contains("/agent/dossiers/" + a.dossier().id())
                .contains("Camille " + nomB).contains(b.dossier().numero())
                .contains(String.format("%02d:%02d", premier.getHour(), premier.getMinute()))
                .doesNotContain(annule.dossier().numero());
        assertThat(page.indexOf(b.dossier().numero())).as("par heure").isLessThan(page.indexOf(a.dossier().numero()));
        fr.gouv.guichet.support.ValidateurHtml html = new fr.gouv.guichet.support.ValidateurHtml();
        html.ajouter(url, page);
        html.verifier();
        assertThat(mvc.perform(get("/agent/services/83/rendez-vous-permis?jour=" + premier.toLocalDate().plusDays(1)).cookie(agent))
                .andReturn().getResponse().getContentAsString()).doesNotContain(a.dossier().numero());
        assertThat(mvc.perform(get("/agent/dossiers/" + a.dossier().id()).cookie(agent)).andReturn().getResponse().getContentAsString())
                .as("depuis le dossier").contains("/agent/services/83/rendez-vous-permis?jour=" + premier.toLocalDate());
        assertThat(mvc.perform(get("/agent/services/83/file").cookie(agent)).andReturn().getResponse().getContentAsString())
                .as("depuis la file de la préfecture").contains("/agent/services/83/rendez-vous-permis");
        assertThat(mvc.perform(get("/agent/services/83/rendez-vous-permis?jour=" + "9".repeat(300)).cookie(agent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Date non reconnue");

        Cookie autrePrefecture = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("06", RoleAgent.INSTRUCTEUR));
        mvc.perform(get(url).cookie(autrePrefecture)).andExpect(status().isNotFound());
        Cookie cert = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("cert-permis-bordeaux", RoleAgent.INSTRUCTEUR));
        mvc.perform(get(url).cookie(cert)).andExpect(status().isNotFound());
        Cookie usager = ConnexionsHttp.usager(mvc, a.compte());
        assertThat(mvc.perform(get(url).cookie(usager)).andReturn().getResponse().getContentAsString()).doesNotContain(nomA);
        mvc.perform(get(url)).andExpect(status().is3xxRedirection());
    }

    private static String nomUnique() {
        StringBuilder nom = new StringBuilder("Rdv");
        java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> nom.append((char) c));
        return nom.toString();
    }

    @Test
    void creneauxMalFormesFermesOuPasses_messageClair_rienNEstReserve() throws Exception {
        Depose d = deposer(DemarchePermis.ECHANGE_HORS_UE);
        long id = d.dossier().id();
        Cookie session = ConnexionsHttp.usager(mvc, d.compte());
        LocalDateTime valide = creneaux(3).getFirst();
        for (String debut : List.of("", "n’importe quoi", valide.minusMinutes(7).toString(), valide.toLocalDate().atTime(22, 0).toString(),
                LocalDateTime.now().minusDays(3).withNano(0).toString(), "x".repeat(5000))) {
            MvcResult r = choisir(session, id, debut);
            assertThat((String) r.getFlashMap().get("erreurCreneau")).as("créneau « %s »", debut.length() > 40 ? "long" : debut)
                    .isNotBlank();
        }
        assertThat(rendezVous.actif(id)).isEmpty();
        mvc.perform(get("/usager/permis/dossiers/" + id + "/rendez-vous?semaine=999").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/usager/permis/dossiers/" + id + "/rendez-vous?semaine=-4").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void unAutreUsager_uneAutreDemarche_sontRefuses() throws Exception {
        Depose d = deposer(DemarchePermis.ECHANGE_HORS_UE);
        long id = d.dossier().id();
        Cookie intrus = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("83"));
        mvc.perform(get("/usager/permis/dossiers/" + id + "/rendez-vous").cookie(intrus)).andExpect(status().isNotFound());
        mvc.perform(post("/usager/permis/dossiers/" + id + "/rendez-vous").cookie(intrus).with(csrf())
                .param("debut", creneaux(4).getFirst().toString())).andExpect(status().isNotFound());
        mvc.perform(post("/usager/permis/dossiers/" + id + "/rendez-vous/annulation").cookie(intrus).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(rendezVous.actif(id)).isEmpty();
        Depose perte = deposer(DemarchePermis.DETERIORATION);
        Cookie session = ConnexionsHttp.usager(mvc, perte.compte());
        mvc.perform(get("/usager/permis/dossiers/" + perte.dossier().id() + "/rendez-vous").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/usager/permis/dossiers/" + id + "/rendez-vous")).andExpect(status().is3xxRedirection());
    }

    @Test
    void concurrence_jamaisPlusDeRendezVousQueDeGuichets_jamaisDeuxRendezVousPourUnDossier() throws Exception {
        LocalDateTime creneau = creneaux(5).getFirst();
        List<Depose> deposes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deposes.add(deposer(DemarchePermis.ECHANGE_HORS_UE));
        }
        List<Resultat> resultats = enParallele(deposes.stream().<Callable<Resultat>>map(d -> () -> rendezVous.reserver(d.dossier(), creneau)).toList());
        assertThat(resultats).filteredOn(r -> r instanceof Reserve).hasSize(agenda.guichets());
        assertThat(resultats).filteredOn(r -> r instanceof CreneauPris).hasSize(6 - agenda.guichets());
        assertThat(actifs(creneau)).isEqualTo(agenda.guichets());

        // A holder moving to the full slot keeps their appointment.
        Depose perdant = deposes.stream().filter(d -> rendezVous.actif(d.dossier().id()).isEmpty()).findFirst().orElseThrow();
        LocalDateTime autre = creneaux(5).get(3);
        assertThat(rendezVous.reserver(perdant.dossier(), autre)).isInstanceOf(Reserve.class);
        assertThat(rendezVous.reserver(perdant.dossier(), creneau)).isInstanceOf(CreneauPris.class);
        assertThat(rendezVous.actif(perdant.dossier().id()).orElseThrow().debut()).as("déplacement manqué : rendez-vous conservé").isEqualTo(autre);

        // One dossier booking several slots at once ends with exactly one active appointment.
        Depose seul = deposer(DemarchePermis.ECHANGE_HORS_UE);
        List<LocalDateTime> plusieurs = creneaux(6).subList(0, 5);
        List<Resultat> siens = enParallele(plusieurs.stream().<Callable<Resultat>>map(c -> () -> rendezVous.reserver(seul.dossier(), c)).toList());
        assertThat(siens).allMatch(r -> r instanceof Reserve);
        assertThat(jdbc.sql("select count(*) from permis_rendez_vous where dossier_id = ? and statut = 'ACTIF'").param(seul.dossier().id())
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Two usagers swapping their slots at the same moment, every desk taken: each move cancels its appointment, then
     * tries the other's slot. They used to wait for each other's uncommitted cancellation until PostgreSQL killed one
     * ("deadlock detected", a 500). The interleaving is forced: a held transaction touches the rows of the first desks,
     * so both moves cancel, then wait there; now moves of one préfecture run one after the other and both keep their
     * appointment.
     */
    @Test
    void deplacementsCroisesSimultanes_neSInterbloquentPas() throws Exception {
        List<LocalDateTime> libres = new ArrayList<>();
        for (int rang = 10; rang < 13 && libres.size() < 2; rang++) {
            creneaux(rang).stream().filter(c -> actifs(c) == 0).forEach(libres::add);
        }
        LocalDateTime s0 = libres.get(0);
        LocalDateTime s1 = libres.get(1);
        Depose f0 = deposer(DemarchePermis.ECHANGE_HORS_UE);
        Depose a = deposer(DemarchePermis.ECHANGE_HORS_UE);
        Depose f1 = deposer(DemarchePermis.ECHANGE_HORS_UE);
        Depose b = deposer(DemarchePermis.ECHANGE_HORS_UE);
        for (Depose d : List.of(f0, a)) {
            assertThat(rendezVous.reserver(d.dossier(), s0)).isInstanceOf(Reserve.class);
        }
        for (Depose d : List.of(f1, b)) {
            assertThat(rendezVous.reserver(d.dossier(), s1)).isInstanceOf(Reserve.class);
        }
        assertThat(rendezVous.actif(a.dossier().id()).orElseThrow().guichet()).isEqualTo(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TransactionTenue tenue = new TransactionTenue(source)) {
            tenue.executer("update permis_rendez_vous set reserve_le = reserve_le where statut = 'ACTIF' and dossier_id in (?, ?)",
                    f0.dossier().id(), f1.dossier().id());
            Future<Object> deA = pool.submit(() -> deplacer(a, s1));
            Future<Object> deB = pool.submit(() -> deplacer(b, s0));
            tenue.attendreBloques(2, "permis_rendez_vous|pg_advisory_xact_lock");
            tenue.valider();
            assertThat(List.of(deA.get(), deB.get())).allMatch(r -> r instanceof CreneauPris);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rendezVous.actif(a.dossier().id()).orElseThrow().debut()).isEqualTo(s0);
        assertThat(rendezVous.actif(b.dossier().id()).orElseThrow().debut()).isEqualTo(s1);
    }

    private Object deplacer(Depose d, LocalDateTime quand) {
        try {
            return rendezVous.reserver(d.dossier(), quand);
        } catch (RuntimeException e) {
            return e; // reported by the assertion with its message (a deadlock, before the fix)
        }
    }

    private static <T> List<T> enParallele(List<Callable<T>> taches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(taches.size());
        try {
            List<Future<T>> futurs = pool.invokeAll(taches);
            List<T> resultats = new ArrayList<>();
            for (Future<T> f : futurs) {
                resultats.add(f.get());
            }
            return resultats;
        } finally {
            pool.shutdownNow();
        }
    }
}
