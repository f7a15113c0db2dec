package fr.gouv.guichet.tiers;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 15, point 5: the public directory, searchable by name, commune or postal code and kind; withdrawn ones leave it. */
@TestGuichet
class AnnuaireIntegrationTest {

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

    @Test
    void annuaire_cherchable_sansLesHabilitationsRetirees() throws Exception {
        var entreprises = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur);
        entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Annuaire Zèbre", 3, 100);
        var retire = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Annuaire Retiré", 3, 100);
        instruction.appliquer(retire.dossier(), CycleHabilitation.RETIRER, TypeActeur.AGENT, retire.agent().id(), "Fraude avérée");

        String page = mvc.perform(get("/professionnels-habilites").param("q", "annuaire")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Garage Annuaire Zèbre", "83000 Toulon", "Vente de véhicules, Réparation").doesNotContain("Garage Annuaire Retiré");
        assertThat(mvc.perform(get("/professionnels-habilites").param("q", "Zèbre").param("type", "AUTO_ECOLE")).andReturn()
                .getResponse().getContentAsString()).contains("Aucun professionnel habilité");
        assertThat(mvc.perform(get("/professionnels-habilites").param("q", "%_\\").param("type", "n’importe quoi")).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/professionnels-habilites").param("q", "x".repeat(10_000))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
