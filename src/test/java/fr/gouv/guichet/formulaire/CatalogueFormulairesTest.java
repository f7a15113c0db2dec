package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.List;
import java.util.NoSuchElementException;

import static fr.gouv.guichet.formulaire.Exemples.catalogue;
import static fr.gouv.guichet.formulaire.Exemples.troisPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueFormulairesTest {

    private static final String CHAMP_SIMPLE = """
            {"id": "a", "type": "TEXTE", "libelle": "A"}""";

    @Test
    void charge_les_deux_cerfa_du_classpath() {
        CatalogueFormulaires catalogue = new CatalogueFormulaires();
        assertThat(catalogue.identifiants()).contains("cerfa-13806", "cerfa-14095");
        assertThat(catalogue.derniereVersion("cerfa-13806").cerfa()).isEqualTo("13806*04");
        assertThat(catalogue.derniereVersion("cerfa-14095").cerfa()).isEqualTo("14095*03");
    }

    @Test
    void spring_cree_le_catalogue_et_le_moteur_comme_composants() {
        try (var contexte = new AnnotationConfigApplicationContext(CatalogueFormulaires.class, MoteurValidation.class)) {
            assertThat(contexte.getBean(CatalogueFormulaires.class).versions("cerfa-13806")).containsExactly("04");
            assertThat(contexte.getBean(MoteurValidation.class)).isNotNull();
        }
    }

    @Test
    void cerfa_13806_trois_pages_et_tous_les_champs_de_la_notice() {
        DefinitionFormulaire d = Exemples.cerfa13806();
        assertThat(d.pages()).extracting(Page::id)
                .containsExactly("demande-declarant", "finalites-localisation", "caracteristiques-securite");
        assertThat(d.pages().get(0).champs()).extracting(Champ::id).contains("nature_demande", "qualite", "nom_naissance",
                "prenom", "denomination", "nom_usuel", "siret", "activite", "declarant_voie", "declarant_complement",
                "declarant_code_postal", "declarant_commune", "declarant_telephone", "declarant_email",
                "contact_images_nom", "contact_images_telephone");
        assertThat(d.pages().get(1).champs()).extracting(Champ::id).contains("finalites", "finalites_autre",
                "finalites_voie_publique", "horaires_ouverture", "agressions_passees", "etablissement_recevant_public",
                "systeme_voie", "systeme_code_postal", "systeme_commune", "cameras_interieures", "cameras_exterieures",
                "cameras_voie_publique", "abords_immediats", "perimetre_videoprotege", "perimetre_description");
        assertThat(d.pages().get(2).champs()).extracting(Champ::id).contains("transmission", "transmission_description",
                "installateur_certifie", "installateur_nom", "attestation_remise", "personnes_habilitees", "enregistrement",
                "duree_conservation", "mesures_securite", "information_public", "droit_acces_service",
                "droit_acces_telephone", "date_mise_en_service", "engagement");
        assertThat(d.champ("finalites_voie_publique").orElseThrow().options()).hasSize(11);
        assertThat(d.champ("systeme_code_postal").orElseThrow().verifierDepartement()).isTrue();
        assertThat(d.champ("declarant_code_postal").orElseThrow().verifierDepartement()).isFalse();
        assertThat(d.champ("nom_naissance").orElseThrow().autocomplete()).isEqualTo("family-name");
        assertThat(d.champ("siret").orElseThrow().obligatoire()).isFalse();
        assertThat(d.regles()).hasSize(1);
    }

    @Test
    void cerfa_14095_a_un_groupe_repetable_d_agences() {
        DefinitionFormulaire d = Exemples.cerfa14095();
        assertThat(d.pages()).hasSize(3);
        Champ agences = d.champ("agences").orElseThrow();
        assertThat(agences.type()).isEqualTo(TypeChamp.GROUPE_REPETABLE);
        assertThat(agences.minOccurrences()).isEqualTo(1);
        assertThat(agences.sousChamps()).extracting(Champ::id)
                .containsExactly("nom", "voie", "code_postal", "commune", "cameras_interieures", "cameras_exterieures");
        assertThat(agences.sousChamp("code_postal").orElseThrow().verifierDepartement()).isTrue();
        assertThat(d.pageDuChamp("agences")).map(Page::id).contains("finalites-localisation");
    }

    @Test
    void ecrit_le_texte_des_conditions_sans_javascript() {
        DefinitionFormulaire d = Exemples.cerfa13806();
        assertThat(d.champ("finalites_autre").orElseThrow().condition().texte())
                .isEqualTo("À remplir seulement si vous avez coché « Autre finalité » à la question « Finalités du système ».");
        assertThat(d.champ("duree_conservation").orElseThrow().condition().texte())
                .isEqualTo("À remplir seulement si vous avez répondu « Oui » à la question « Les images sont-elles enregistrées ? ».");
        assertThat(d.champ("finalites").orElseThrow().condition().texte()).startsWith("À remplir seulement si vous n'avez pas répondu « Autorité publique");
    }

    @Test
    void ignore_les_proprietes_commentaires_mais_pas_les_fautes_de_frappe() {
        String avecCommentaire = troisPages(CHAMP_SIMPLE, "").replaceFirst("\\{", "{\"_note\": {\"a\": [1, 2]}, ");
        assertThat(catalogue(avecCommentaire).versions("essai")).containsExactly("1");

        String avecFaute = troisPages("""
                {"id": "a", "type": "TEXTE", "libelle": "A", "obligatoir": true}""", "");
        assertThatThrownBy(() -> catalogue(avecFaute))
                .isInstanceOf(DefinitionFormulaireInvalideException.class)
                .hasMessageContaining("illisible").hasMessageContaining("obligatoir");
    }

    @Test
    void refuse_les_identifiants_en_double() {
        assertThatThrownBy(() -> catalogue(troisPages(CHAMP_SIMPLE + ", " + CHAMP_SIMPLE, "")))
                .isInstanceOf(DefinitionFormulaireInvalideException.class)
                .hasMessageContaining("identifiant de champ en double : a");
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "z2", "type": "TEXTE", "libelle": "Doublon de la page 2"}""", "")))
                .hasMessageContaining("identifiant de champ en double : z2");
    }

    @Test
    void refuse_un_identifiant_non_ascii() {
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "prénom", "type": "TEXTE", "libelle": "Prénom"}""", "")))
                .hasMessageContaining("identifiant de champ invalide « prénom »");
    }

    @Test
    void exige_trois_pages() {
        String deuxPages = troisPages(CHAMP_SIMPLE, "").replaceAll("(?s),\\s*\\{\"id\": \"p3\".*?\\]\\}\\]\\}", "");
        assertThatThrownBy(() -> catalogue(deuxPages))
                .isInstanceOf(DefinitionFormulaireInvalideException.class)
                .hasMessageContaining("exactement 3 pages (il en a 2)");
    }

    @Test
    void exige_des_options_pour_les_choix() {
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "a", "type": "CHOIX_UNIQUE", "libelle": "A"}""", "")))
                .hasMessageContaining("le champ a (CHOIX_UNIQUE) doit avoir des options");
    }

    @Test
    void refuse_une_condition_sur_un_champ_inconnu_ou_une_valeur_hors_options() {
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "a", "type": "TEXTE", "libelle": "A", "condition": {"champ": "inconnu", "egal": "x"}}""", "")))
                .hasMessageContaining("la condition de a fait référence à un champ inconnu : inconnu");
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "q", "type": "OUI_NON", "libelle": "Q"},
                {"id": "a", "type": "TEXTE", "libelle": "A", "condition": {"champ": "q", "egal": "peut-etre"}}""", "")))
                .hasMessageContaining("n'est pas une option de q");
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "q", "type": "OUI_NON", "libelle": "Q"},
                {"id": "a", "type": "TEXTE", "libelle": "A", "condition": {"champ": "q", "egal": "oui", "contient": "oui"}}""", "")))
                .hasMessageContaining("exactement un critère");
    }

    @Test
    void refuse_des_conditions_circulaires() {
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "a", "type": "NOMBRE", "libelle": "A", "condition": {"champ": "b", "superieurA": 0}},
                {"id": "b", "type": "NOMBRE", "libelle": "B", "condition": {"champ": "a", "superieurA": 0}}""", "")))
                .hasMessageContaining("conditions circulaires");
    }

    @Test
    void refuse_un_motif_sans_message_et_une_regle_sur_un_texte() {
        assertThatThrownBy(() -> catalogue(troisPages("""
                {"id": "a", "type": "TEXTE", "libelle": "A", "contraintes": {"motif": "[A-Z]+"}}""", "")))
                .hasMessageContaining("un motif doit avoir son messageMotif");
        assertThatThrownBy(() -> catalogue(troisPages(CHAMP_SIMPLE, """
                {"type": "sommeMin", "champs": ["a"], "min": 1, "champ": "a", "message": "m"}""")))
                .hasMessageContaining("« a », qui n'est pas un champ NOMBRE");
    }

    @Test
    void refuse_deux_fichiers_pour_la_meme_version() {
        String json = troisPages(CHAMP_SIMPLE, "");
        assertThatThrownBy(() -> catalogue(json, json))
                .hasMessageContaining("Deux fichiers définissent le formulaire essai/1");
    }

    @Test
    void formulaire_ou_version_inconnus() {
        CatalogueFormulaires catalogue = Exemples.CATALOGUE;
        assertThat(catalogue.trouver("cerfa-13806", "99")).isEmpty();
        assertThat(catalogue.versions("inconnu")).isEmpty();
        assertThatThrownBy(() -> catalogue.get("cerfa-13806", "99"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("versions connues : [04]");
        assertThatThrownBy(() -> catalogue.derniereVersion("inconnu")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void les_definitions_sont_immuables() {
        DefinitionFormulaire d = Exemples.cerfa13806();
        assertThatThrownBy(() -> d.pages().add(d.pages().getFirst())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> d.champs().getFirst().options().add(new Option("x", "X")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(d.champs())).hasSameSizeAs(d.champs());
    }
}
