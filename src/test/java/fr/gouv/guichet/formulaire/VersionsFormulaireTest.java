package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A dossier is pinned to the version it was started on, even after a newer version is published. */
class VersionsFormulaireTest {

    private final CatalogueFormulaires catalogue =
            CatalogueFormulaires.chargerDepuisClasspath("classpath*:formulaires/*.json", "classpath*:formulaires-test/*.json");
    private final MoteurValidation moteur = new MoteurValidation();

    @Test
    void deux_versions_coexistent_et_la_derniere_sert_aux_nouveaux_dossiers() {
        assertThat(catalogue.versions("cerfa-13806")).containsExactly("04", "05");
        assertThat(catalogue.derniereVersion("cerfa-13806").version()).isEqualTo("05");
        assertThat(catalogue.get("cerfa-13806", "04").cerfa()).isEqualTo("13806*04");
    }

    @Test
    void un_brouillon_commence_en_04_reste_valide_en_04_apres_la_publication_de_la_05() {
        Reponses brouillon = Exemples.completes13806();
        String versionDuDossier = "04";

        assertThat(moteur.validerTout(catalogue.get("cerfa-13806", versionDuDossier), brouillon, Exemples.VAR)).isEmpty();
        assertThat(moteur.validerTout(catalogue.derniereVersion("cerfa-13806"), brouillon, Exemples.VAR))
                .extracting(ErreurChamp::champId).containsExactly("aipd_realisee");
    }
}
