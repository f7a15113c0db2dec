package fr.gouv.guichet.identite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.internal.GuichetMairie;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, point 2: the timbre fiscal of a pré-demande, through the timbre module and its demonstration service —
 * typed online (reserved) then consumed once when the town hall takes the application, or brought to the town hall
 * and typed by its agent; the amount by age (17 € under 15); one timbre never pays two pré-demandes, even
 * concurrently; the accusé de réception e-mail states the number and the timbre.
 */
@TestGuichet
class TimbresPreDemandeIntegrationTest {

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
    Agents agents;
    @Autowired
    GuichetMairie guichet;
    @Autowired
    GreenMail greenMail;

    @Test
    void passeportDUnMineur_timbreDe17EurosSaisiEnLigne_reserve_puisConsommeUneFoisAuRecueil() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        long id = brouillon(compte, session, PreDemandesDeTest.reponsesMineur());

        // The validation page sends to the timbres page first: 17 € for a 12-year-old's passport.
        assertThat(mvc.perform(get("/usager/dossiers/" + id + "/validation").cookie(session)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/usager/identite/dossiers/" + id + "/timbres");
        String page = mvc.perform(get("/usager/identite/dossiers/" + id + "/timbres").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Passeport : timbre fiscal de 17,00\u00a0€").doesNotContain("86,00");

        // An 86 € timbre does not pay it; the error is next to the field, nothing is reserved.
        String refus = mvc.perform(post("/usager/identite/dossiers/" + id + "/timbres").cookie(session).with(csrf())
                        .param("mode", "en-ligne").param("timbre_IDENTITE_PASSEPORT_MOINS_15", PreDemandesDeTest.timbre("8686")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refus).contains("ne correspond pas à celui de la démarche", "aria-invalid=\"true\"");
        assertThat(utilisations(id)).isEmpty();

        String dix7 = PreDemandesDeTest.timbre("1717");
        MvcResult ok = mvc.perform(post("/usager/identite/dossiers/" + id + "/timbres").cookie(session).with(csrf())
                .param("mode", "en-ligne").param("timbre_IDENTITE_PASSEPORT_MOINS_15", dix7.substring(0, 4) + " " + dix7.substring(4))).andReturn();
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/usager/dossiers/" + id + "/validation");
        assertThat(utilisations(id)).containsExactly(dix7 + " RESERVE");

        valider(id, session);
        PreDemande pd = preDemandes.parDossier(id).orElseThrow();
        assertThat(mvc.perform(get("/usager/identite/dossiers/" + id).cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("réservé pour cette pré-demande");
        BoiteCourriels.Recu accuse = new BoiteCourriels(greenMail).attendre(compte.email(), "Accusé de réception");
        assertThat(accuse.texte()).contains("Numéro de pré-demande : " + pd.numero().valeur(), "Timbre fiscal de 17,00",
                "réservé pour cette pré-demande", "représentant légal");

        // The town hall takes the application: the reserved timbre is consumed, once.
        Mairie mairie = new PreDemandesDeTest(dossiers, preDemandes, mairies).mairie(1);
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent(mairie.service(), RoleAgent.INSTRUCTEUR);
        Cookie guichetCookie = ConnexionsHttp.agent(mvc, agent);
        String fiche = mvc.perform(get("/agent/mairies/" + mairie.service() + "/pre-demande").cookie(guichetCookie)
                .param("numero", pd.numero().valeur())).andReturn().getResponse().getContentAsString();
        assertThat(fiche).contains("saisi en ligne, utilisé au recueil");
        mvc.perform(post("/agent/mairies/" + mairie.service() + "/pre-demande/" + pd.numero().valeur() + "/recueillir")
                .cookie(guichetCookie).with(csrf()));
        assertThat(preDemandes.parNumero(pd.numero()).orElseThrow().consommee()).isTrue();
        assertThat(utilisations(id)).containsExactly(dix7 + " CONSOMME");
    }

    @Test
    void carteDIdentitePerdue_timbreApporteEnMairie_recueilRefuseSansTimbre_puisPayeParLAgent() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        Map<String, Object> r = new java.util.HashMap<>(PreDemandesDeTest.reponsesMajeur());
        r.put("titres", "cni");
        r.put("motif", "perte");
        long id = brouillon(compte, session, r);
        assertThat(mvc.perform(get("/usager/identite/dossiers/" + id + "/timbres").cookie(session)).andReturn().getResponse()
                .getContentAsString()).contains("Carte d’identité (perte ou vol) : timbre fiscal de 25,00\u00a0€");
        mvc.perform(post("/usager/identite/dossiers/" + id + "/timbres").cookie(session).with(csrf()).param("mode", "en-mairie"));
        valider(id, session);
        PreDemande pd = preDemandes.parDossier(id).orElseThrow();
        assertThat(mvc.perform(get("/usager/identite/dossiers/" + id).cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("timbre de 25,00\u00a0€, à apporter à la mairie");

        Mairie mairie = new PreDemandesDeTest(dossiers, preDemandes, mairies).mairie(1);
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent(mairie.service(), RoleAgent.INSTRUCTEUR);
        Cookie guichetCookie = ConnexionsHttp.agent(mvc, agent);
        String url = "/agent/mairies/" + mairie.service() + "/pre-demande/" + pd.numero().valeur() + "/recueillir";
        mvc.perform(post(url).cookie(guichetCookie).with(csrf()));
        assertThat(preDemandes.parNumero(pd.numero()).orElseThrow().consommee()).isFalse();
        String fiche = mvc.perform(get("/agent/mairies/" + mairie.service() + "/pre-demande").cookie(guichetCookie)
                .param("numero", pd.numero().valeur())).andReturn().getResponse().getContentAsString();
        assertThat(fiche).contains("Timbre fiscal apporté — Carte d’identité (perte ou vol) (25,00\u00a0€)");
        assertThat(guichet.recueillir(mairie.service(), pd.numero(), agent.id(), Map.of()))
                .map(GuichetMairie.Refus::raison).get().asString().contains("Saisissez le numéro du timbre fiscal de 25,00");

        String vingtCinq = PreDemandesDeTest.timbre("2525");
        mvc.perform(post(url).cookie(guichetCookie).with(csrf()).param("timbre_IDENTITE_CNI_PERTE_VOL", vingtCinq));
        assertThat(preDemandes.parNumero(pd.numero()).orElseThrow().consommee()).isTrue();
        assertThat(utilisations(id)).containsExactly(vingtCinq + " CONSOMME");
    }

    @Test
    void carteDIdentiteRenouvelee_gratuite_aucunePageDeTimbre() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        Map<String, Object> r = new java.util.HashMap<>(PreDemandesDeTest.reponsesMajeur());
        r.put("titres", "cni");
        long id = brouillon(compte, session, r);
        mvc.perform(get("/usager/dossiers/" + id + "/validation").cookie(session)).andExpect(status().isOk());
        valider(id, session);
        assertThat(preDemandes.parDossier(id)).isPresent();
        assertThat(utilisations(id)).isEmpty();
        // Another usager never reaches a draft's timbres page.
        Cookie intrus = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("83"));
        long autre = brouillon(compte, session, PreDemandesDeTest.reponsesMineur());
        mvc.perform(get("/usager/identite/dossiers/" + autre + "/timbres").cookie(intrus)).andExpect(status().isNotFound());
        mvc.perform(post("/usager/identite/dossiers/" + autre + "/timbres").cookie(intrus).with(csrf()).param("mode", "en-mairie"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from identite_timbre_choix where dossier_id = ?").param(autre).query(Integer.class).single()).isZero();
    }

    @Test
    void unTimbreNePaieJamaisDeuxPreDemandes_memeEnConcurrence() throws Exception {
        String numero = PreDemandesDeTest.timbre("8686");
        int n = 6;
        List<Long> brouillons = new ArrayList<>();
        List<Cookie> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
            Cookie session = ConnexionsHttp.usager(mvc, compte);
            sessions.add(session);
            brouillons.add(brouillon(compte, session, PreDemandesDeTest.reponsesMajeur()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<String>> redirections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = brouillons.get(i);
            Cookie session = sessions.get(i);
            redirections.add(pool.submit(() -> {
                depart.await();
                return Optional.ofNullable(mvc.perform(post("/usager/identite/dossiers/" + id + "/timbres").cookie(session).with(csrf())
                        .param("mode", "en-ligne").param("timbre_IDENTITE_PASSEPORT_MAJEUR", numero)).andReturn().getResponse()
                        .getRedirectedUrl()).orElse("refus");
            }));
        }
        depart.countDown();
        int reserves = 0;
        for (Future<String> f : redirections) {
            reserves += f.get().endsWith("/validation") ? 1 : 0;
        }
        pool.shutdown();
        assertThat(reserves).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from timbre_utilisation where numero = ? and statut <> 'LIBERE'").param(numero)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private long brouillon(ComptesDeTest.Compte compte, Cookie session, Map<String, Object> reponses) throws Exception {
        String page1 = mvc.perform(post("/usager/identite/nouvelle").cookie(session).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(page1.split("/")[3]);
        int version = dossiers.deLUsager(id, compte.id()).orElseThrow().version();
        dossiers.enregistrer(id, compte.id(), version, reponses);
        return id;
    }

    private void valider(long id, Cookie session) throws Exception {
        MvcResult valide = mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui")).andReturn();
        assertThat(valide.getResponse().getRedirectedUrl()).isEqualTo("/usager/identite/dossiers/" + id);
    }

    private List<String> utilisations(long dossierId) {
        return jdbc.sql("select numero || ' ' || statut from timbre_utilisation where dossier like ? and statut <> 'LIBERE' order by numero")
                .param("ID-" + dossierId + "-%").query(String.class).list();
    }
}
