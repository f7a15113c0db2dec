package fr.gouv.guichet.mediation;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.BrouillonsInactifs;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 16, point 6: where all the usagers of a department stop (not only those helped by a médiateur), from the
 * drafts left untouched, in the préfecture's statistics — counts only, no answer nor person.
 */
@TestGuichet
class ArretsUsagersIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    BrouillonsInactifs brouillons;
    @Autowired
    CatalogueFormulaires catalogue;
    @Autowired
    Agents agents;

    Map<String, Long> arrets() {
        return brouillons.du("83", Duration.ofDays(7)).stream().filter(a -> a.demarche().equals("VP_AUTORISATION"))
                .collect(Collectors.toMap(BrouillonsInactifs.Arret::titre, BrouillonsInactifs.Arret::brouillons, Long::sum));
    }

    long brouillon(Map<String, Object> reponses, int joursSansModification) {
        long usager = new ComptesDeTest(jdbc, encodeur).usager("83").id();
        long id = dossiers.creerBrouillon(usager, "83", "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);
        jdbc.sql("update dossier set modifie_le = now() - make_interval(days => ?) where id = ?").params(joursSansModification, id).update();
        return id;
    }

    @Test
    void lesBrouillonsInactifsDeTousLesUsagersSontComptesParEtape_sansDonneePersonnelle() throws Exception {
        DefinitionFormulaire formulaire = catalogue.get("cerfa-13806", "04");
        String premierChamp = formulaire.pages().getFirst().champs().getFirst().id();
        String page1 = "Page 1 du formulaire : " + formulaire.pages().get(0).titre();
        String page2 = "Page 2 du formulaire : " + formulaire.pages().get(1).titre();
        String apres = "Après le formulaire : vérification, étapes avant le dépôt, validation";
        Map<String, Long> avant = arrets();

        String marque = "Enseigne-" + UUID.randomUUID();
        Map<String, Object> premierePage = new HashMap<>(Map.of(premierChamp, "nouveau"));
        Map<String, Object> complet = new HashMap<>(DossiersDeTest.reponsesValides());
        complet.put("denomination", marque);
        brouillon(Map.of(), 10);
        brouillon(premierePage, 8);
        brouillon(premierePage, 30);
        brouillon(complet, 9);
        brouillon(complet, 2); // Still in progress: not counted.

        Map<String, Long> apresAjout = arrets();
        assertThat(apresAjout.getOrDefault(page1, 0L) - avant.getOrDefault(page1, 0L)).isEqualTo(1);
        assertThat(apresAjout.getOrDefault(page2, 0L) - avant.getOrDefault(page2, 0L)).isEqualTo(2);
        assertThat(apresAjout.getOrDefault(apres, 0L) - avant.getOrDefault(apres, 0L)).isEqualTo(1);
        // Another department's statistics do not count them.
        assertThat(brouillons.du("06", Duration.ofDays(7)).stream().filter(a -> a.demarche().equals("VP_AUTORISATION"))
                .mapToLong(BrouillonsInactifs.Arret::brouillons).sum())
                .isEqualTo(jdbc.sql("select count(*) from dossier where code_departement = '06' and demarche = 'VP_AUTORISATION' "
                        + "and numero is null and modifie_le < now() - interval '7 days'").query(Long.class).single());

        Cookie admin = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("83", RoleAgent.ADMINISTRATEUR));
        String page = mvc.perform(get("/agent/services/83/mediation/statistiques").cookie(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Étapes où s’arrêtent tous les usagers du département").contains("id=\"arrets-usagers\"")
                .contains(page2)
                .doesNotContain(marque).doesNotContain("@exemple");
        String csv = mvc.perform(get("/agent/services/83/mediation/statistiques.csv").cookie(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("brouillons_arretes_par_etape;\"\";;").contains(apres).doesNotContain(marque);
    }
}
