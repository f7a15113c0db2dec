package fr.gouv.guichet.signalement;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, point 11 (platform part): a signal is raised once per (dossier, rule, object), also by concurrent checks;
 * it is never rewritten; the service's agents see it on the dossier page and in their list, nobody else does.
 */
@TestGuichet
@org.springframework.test.context.event.RecordApplicationEvents
class SignalementIntegrationTest {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents evenements;

    static final String CERT = "cert-permis-bordeaux";

    @Autowired
    Signaux signaux;
    @Autowired
    Dossiers dossiers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agents;
    @Autowired
    MockMvc mvc;

    long deposer(String departement) {
        long usager = new ComptesDeTest(jdbc, encodeur).usager(departement).id();
        long id = dossiers.creerBrouillon(usager, departement, "PC_PERTE", "permis-perte", "1", Map.of(), null, null);
        dossiers.deposer(id, usager, UUID.randomUUID(), "PC");
        return id;
    }

    static NouveauSignal signal(long dossier, String regle, String objet) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Autre dossier", "PC-033-2026-000001");
        details.put("Déposé le", "1er décembre 2026");
        return new NouveauSignal(dossier, regle, objet, "Le même objet « " + objet + " » figure dans un autre dossier.", details);
    }

    @Test
    void unSignal_leveUneSeuleFois_parDossierRegleEtObjet_memeEnConcurrence() throws Exception {
        long id = deposer("33");
        String objet = "OBJ-" + UUID.randomUUID();
        Callable<Boolean> lever = () -> signaux.lever(signal(id, "objet-reutilise", objet)).isPresent();
        List<Future<Boolean>> essais;
        try (var executeur = Executors.newFixedThreadPool(4)) {
            essais = executeur.invokeAll(List.of(lever, lever, lever, lever));
        }
        long leves = 0;
        for (Future<Boolean> f : essais) {
            leves += f.get() ? 1 : 0;
        }
        assertThat(leves).as("un seul des quatre essais lève le signal").isEqualTo(1);
        assertThat(signaux.lever(signal(id, "objet-reutilise", objet))).isEmpty();
        assertThat(signaux.lever(signal(id, "autre-regle", objet))).as("autre règle, même objet : un autre signal").isPresent();
        assertThat(signaux.lever(signal(id, "objet-reutilise", objet + "-2"))).as("même règle, autre objet").isPresent();

        List<Signal> duDossier = signaux.duDossier(id);
        assertThat(duDossier).hasSize(3);
        Signal premier = duDossier.getFirst();
        assertThat(premier.service()).as("le service instructeur du dossier, fixé au dépôt").isEqualTo(CERT);
        assertThat(premier.numeroDossier()).startsWith("PC-033-");
        assertThat(premier.details().keySet()).as("détails dans l’ordre donné").containsExactly("Autre dossier", "Déposé le");
        assertThat(evenements.stream(SignalLeve.class).filter(e -> e.dossierId() == id).map(SignalLeve::regle))
                .as("SignalLeve publié pour chaque signal levé, jamais pour un doublon")
                .containsExactlyInAnyOrder("objet-reutilise", "autre-regle", "objet-reutilise");

        assertThatThrownBy(() -> jdbc.sql("insert into signal (dossier_id, service, regle, objet, explication, leve_le) "
                + "values (?, ?, 'objet-reutilise', ?, 'doublon', now())").params(id, CERT, objet).update())
                .as("la contrainte en base refuse le doublon").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update signal set explication = 'réécrit' where id = ?").param(premier.id()).update())
                .as("un signal enregistré ne se réécrit pas").isInstanceOf(DataAccessException.class);
    }

    @Test
    void unBrouillon_neRecoitPasDeSignal_etLesBornesSontVerifiees() {
        long usager = new ComptesDeTest(jdbc, encodeur).usager("33").id();
        long brouillon = dossiers.creerBrouillon(usager, "33", "PC_PERTE", "permis-perte", "1", Map.of(), null, null);
        assertThatThrownBy(() -> signaux.lever(signal(brouillon, "objet-reutilise", "x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> signal(brouillon, "Règle Invalide", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NouveauSignal(brouillon, "regle", "x".repeat(201), "e", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listeDuService_filtreeParRegle_etReserveeASesAgents() throws Exception {
        long girondin = deposer("33");
        long varois = deposer("83");
        String objet = "OBJ-" + UUID.randomUUID();
        signaux.lever(signal(girondin, "liste-regle-a", objet));
        signaux.lever(signal(varois, "liste-regle-b", objet));

        PageSignaux tous = signaux.duService(CERT, FiltreSignaux.tous());
        assertThat(tous.signaux()).extracting(Signal::dossierId).contains(girondin, varois);
        assertThat(tous.regles()).contains("liste-regle-a", "liste-regle-b");
        PageSignaux filtres = signaux.duService(CERT, new FiltreSignaux("liste-regle-b", 1));
        assertThat(filtres.signaux()).extracting(Signal::regle).containsOnly("liste-regle-b");
        assertThat(filtres.signaux()).extracting(Signal::dossierId).contains(varois).doesNotContain(girondin);
        assertThat(signaux.duService("cert-permis-lyon", FiltreSignaux.tous()).signaux())
                .extracting(Signal::dossierId).doesNotContain(girondin, varois);

        Cookie bordeaux = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent(CERT, RoleAgent.INSTRUCTEUR));
        mvc.perform(get("/agent/services/" + CERT + "/signaux").param("regle", "liste-regle-b").cookie(bordeaux))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/agent/dossiers/" + varois + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/agent/dossiers/" + girondin + "\""))));
        mvc.perform(get("/agent/services/" + CERT + "/signaux").param("regle", "<script>").param("page", "-3").cookie(bordeaux))
                .andExpect(status().isOk());
        mvc.perform(get("/agent/dossiers/" + girondin).cookie(bordeaux))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("figure dans un autre dossier")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("PC-033-2026-000001")));

        Cookie lyon = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("cert-permis-lyon", RoleAgent.ADMINISTRATEUR));
        mvc.perform(get("/agent/services/" + CERT + "/signaux").cookie(lyon)).andExpect(status().isNotFound());
        mvc.perform(get("/agent/dossiers/" + girondin).cookie(lyon)).andExpect(status().isNotFound());
        mvc.perform(get("/agent/services/cert-permis-lyon/signaux").cookie(lyon)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(objet))));
        Cookie prefecture = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("33", RoleAgent.ADMINISTRATEUR));
        mvc.perform(get("/agent/services/" + CERT + "/signaux").cookie(prefecture)).andExpect(status().isNotFound());

        Cookie usager = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("33"));
        mvc.perform(get("/agent/services/" + CERT + "/signaux").cookie(usager))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as("usager : renvoyé vers la connexion agent ou refusé")
                        .isIn(302, 403));
        mvc.perform(get("/agent/services/" + CERT + "/signaux"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(302, 401, 403));
    }
}
