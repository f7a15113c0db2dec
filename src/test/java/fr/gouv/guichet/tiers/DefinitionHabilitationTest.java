package fr.gouv.guichet.tiers;

import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Reponses;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The habilitation form is checked by the engine's own checker, and validates what a professional must give. */
class DefinitionHabilitationTest {

    final CatalogueFormulaires catalogue = CatalogueFormulaires.chargerDepuisClasspath();
    final MoteurValidation moteur = new MoteurValidation();
    final ContexteValidation contexte = new ContexteValidation("83", LocalDate.of(2026, 12, 3));

    @Test
    void uneDemandeComplete_estValide() {
        var definition = catalogue.derniereVersion("tiers-habilitation");
        var reponses = EntreprisesDeTest.reponses("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage", 3, 100,
                List.of(Map.of("nom", "Durand", "prenom", "Léa", "courriel", "lea@exemple.fr")));
        assertThat(moteur.validerTout(definition, new Reponses(reponses), contexte)).isEmpty();
    }

    @Test
    void siretFaux_agrementManquant_locauxHorsDuDepartement_gerantMineur_sontSignales() {
        var definition = catalogue.derniereVersion("tiers-habilitation");
        var reponses = new java.util.HashMap<>(EntreprisesDeTest.reponses("auto_ecole", "12345678901234", "École", 1, 10, List.of()));
        reponses.remove("numero_agrement");
        reponses.put("code_postal", "75001");
        reponses.put("gerant_date_naissance", "2020-01-01");
        List<String> champs = moteur.validerTout(definition, new Reponses(reponses), contexte).stream().map(ErreurChamp::champId).toList();
        assertThat(champs).contains("siret", "numero_agrement", "code_postal", "gerant_date_naissance");
    }
}
