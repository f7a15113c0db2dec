package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders the DSFR fragments with a bare Thymeleaf engine (SpEL, no Spring context). */
class FragmentsChampsTest {

    private static String bloc(String html, String champId) {
        Matcher m = Pattern.compile("<div class=\"fr-fieldset__element guichet-champ\" id=\"bloc-" + Pattern.quote(champId)
                + "\".*?(?=<div class=\"fr-fieldset__element guichet-champ\"|</fieldset><fieldset class=\"fr-fieldset guichet-section\"|</form>)").matcher(html);
        assertThat(m.find()).as("bloc " + champId).isTrue();
        return m.group();
    }

    @Test
    void champ_texte_avec_erreur_autocomplete_et_valeur() {
        String html = RenduFragments.page(Exemples.cerfa13806(), "demande-declarant", Exemples.completes13806().avec("prenom", ""),
                Map.of("prenom", "Indiquez le prénom du déclarant."));
        String prenom = bloc(html, "prenom");
        assertThat(prenom).contains("class=\"fr-input-group fr-input-group--error\"")
                .contains("<label class=\"fr-label\" for=\"champ-prenom\">")
                .contains("class=\"fr-input fr-input--error\"")
                .contains("type=\"text\"").contains("name=\"prenom\"").contains("autocomplete=\"given-name\"")
                .contains("aria-invalid=\"true\"").contains("aria-describedby=\"champ-prenom-erreur\"")
                .contains("<p class=\"fr-error-text\" id=\"champ-prenom-erreur\">Indiquez le prénom du déclarant.</p>")
                .doesNotContain("required");
        String nom = bloc(html, "nom_naissance");
        assertThat(nom).contains("value=\"Martin\"").contains("autocomplete=\"family-name\"")
                .contains("<span class=\"fr-hint-text\">Celui de la personne responsable")
                .doesNotContain("aria-invalid").doesNotContain("fr-error-text").doesNotContain("data-condition");
        assertThat(bloc(html, "declarant_telephone")).contains("type=\"tel\"");
        assertThat(bloc(html, "siret")).contains("inputmode=\"numeric\"").doesNotContain("autocomplete=");
        assertThat(html).contains("<h2 class=\"fr-h4 fr-mb-0\">Déclarant</h2>");
    }

    @Test
    void radios_oui_non_et_cases_a_cocher() {
        Reponses reponses = Exemples.completes13806().avec("finalites", List.of("autre"));
        String html = RenduFragments.page(Exemples.cerfa13806(), "finalites-localisation", reponses,
                Map.of("etablissement_recevant_public", "Indiquez si le système est installé dans un établissement recevant du public."));
        String erp = bloc(html, "etablissement_recevant_public");
        assertThat(erp).contains("class=\"fr-fieldset fr-fieldset--error\"")
                .contains("aria-labelledby=\"champ-etablissement_recevant_public-legende champ-etablissement_recevant_public-erreur\"")
                .contains("class=\"fr-fieldset__element fr-fieldset__element--inline\"")
                .contains("class=\"fr-radio-group\"").contains("type=\"radio\"")
                .contains("value=\"oui\" aria-invalid=\"true\" aria-describedby=\"champ-etablissement_recevant_public-erreur\" checked=\"checked\">")
                .contains("value=\"non\" aria-invalid=\"true\" aria-describedby=\"champ-etablissement_recevant_public-erreur\">")
                .contains("<label class=\"fr-label\" for=\"champ-etablissement_recevant_public-1\">Non</label>")
                .contains("<p class=\"fr-error-text\" id=\"champ-etablissement_recevant_public-erreur\">Indiquez si le système");
        String finalites = bloc(html, "finalites");
        assertThat(finalites).contains("class=\"fr-checkbox-group\"").contains("type=\"checkbox\"")
                .contains("value=\"autre\" checked=\"checked\"")
                .doesNotContain("value=\"securite_personnes\" checked");
    }

    @Test
    void champs_conditionnels_sur_la_meme_page_ou_une_autre() {
        String html = RenduFragments.page(Exemples.cerfa13806(), "finalites-localisation", Exemples.completes13806(), Map.of());
        String autre = bloc(html, "finalites_autre");
        assertThat(autre).contains("data-condition-champ=\"finalites\"").contains("data-condition-mode=\"contient\"")
                .contains("data-condition-valeur=\"autre\"")
                .contains("data-condition-aide>À remplir seulement si vous avez coché « Autre finalité »");
        // same page: rendered even though the condition does not hold (the script hides it)
        assertThat(html).contains("id=\"bloc-perimetre_description\"");
        // another page: the server decides (shopkeeper → abords shown, voie publique not rendered)
        assertThat(html).contains("id=\"bloc-abords_immediats\"").doesNotContain("bloc-cameras_voie_publique")
                .doesNotContain("bloc-finalites_voie_publique");
        String autorite = RenduFragments.page(Exemples.cerfa13806(), "finalites-localisation",
                Exemples.completes13806().avec("qualite", "autorite_publique"), Map.of());
        assertThat(autorite).contains("bloc-cameras_voie_publique").contains("bloc-finalites_voie_publique")
                .doesNotContain("bloc-abords_immediats\"").doesNotContain("id=\"bloc-finalites\"")
                .doesNotContain("bloc-finalites_autre");
    }

    @Test
    void texte_long_et_date() {
        String html = RenduFragments.page(Exemples.cerfa13806(), "caracteristiques-securite", Exemples.completes13806(), Map.of());
        assertThat(bloc(html, "personnes_habilitees")).contains("<textarea class=\"fr-input\" rows=\"4\" id=\"champ-personnes_habilitees\" name=\"personnes_habilitees\">La gérante</textarea>");
        assertThat(bloc(html, "date_mise_en_service")).contains("type=\"date\"").contains("value=\"2027-02-01\"");
        assertThat(bloc(html, "engagement")).contains("value=\"certifie\" checked=\"checked\"");
    }

    @Test
    void groupe_repetable_entrees_existantes_plus_une_vide_et_boutons() {
        Reponses reponses = Exemples.completes14095();
        String html = RenduFragments.page(Exemples.cerfa14095(), "finalites-localisation", reponses,
                Map.of("agences[1].code_postal", "Agence 2 : le code postal 75001 ne correspond pas au département 83."));
        String groupe = bloc(html, "agences");
        assertThat(groupe).contains("<legend class=\"fr-fieldset__legend fr-fieldset__legend--regular\" id=\"champ-agences-0-legende\">Agence 1</legend>")
                .contains("id=\"champ-agences-2-legende\">Agence 3</legend>")
                .doesNotContain("Agence 4")
                .contains("name=\"agences[0].nom\" value=\"Agence Toulon Centre\"")
                .contains("id=\"champ-agences-2-nom\" name=\"agences[2].nom\"")
                .contains("aria-describedby=\"champ-agences-1-code_postal-erreur\"")
                .contains("<p class=\"fr-error-text\" id=\"champ-agences-1-code_postal-erreur\">Agence 2 : le code postal")
                .contains("name=\"action\" value=\"retirer-agences-1\">Retirer « Agence 2 »</button>")
                .doesNotContain("retirer-agences-2")
                .contains("name=\"action\" value=\"ajouter-agences\">Enregistrer et ajouter une autre agence</button>");
    }

    @Test
    void l_ancre_d_une_erreur_est_l_id_rendu() {
        String html = RenduFragments.page(Exemples.cerfa14095(), "finalites-localisation", Exemples.completes14095(), Map.of());
        assertThat(html).contains("id=\"" + new ErreurChamp("agences[1].code_postal", "m").ancre() + "\"")
                .contains("id=\"" + new ErreurChamp("systeme_code_postal", "m").ancre() + "\"")
                .contains("id=\"" + new ErreurChamp("finalites", "m").ancre() + "\"")
                .contains("id=\"" + new ErreurChamp("agences", "m").ancre() + "\"");
        assertThat(new ErreurChamp("agences[1].code_postal", "m").ancre()).isEqualTo("champ-agences-1-code_postal");
    }

    @Test
    void groupe_au_maximum_ni_entree_vide_ni_bouton_ajouter() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "lieux", "type": "GROUPE_REPETABLE", "libelle": "Lieux", "maxOccurrences": 2,
                 "sousChamps": [{"id": "nom", "type": "LISTE_DEROULANTE", "libelle": "Nom",
                   "options": [{"valeur": "a", "libelle": "A"}, {"valeur": "b", "libelle": "B"}]}]}""");
        String html = RenduFragments.page(essai, "p1", new Reponses(Map.of("lieux", List.of(Map.of("nom", "a"), Map.of("nom", "b")))), Map.of());
        assertThat(html).contains("Lieux 2").doesNotContain("Lieux 3").doesNotContain("ajouter-lieux")
                .contains("class=\"fr-select-group\"").contains("<option value=\"b\" selected=\"selected\">B</option>")
                .contains("<option value=\"\">Sélectionnez une option</option>");
    }

    @Test
    void reponses_libelles_options_et_messages_sont_echappes() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "nom", "type": "TEXTE", "libelle": "Nom <b>gras</b>"},
                {"id": "note", "type": "TEXTE_LONG", "libelle": "Note"},
                {"id": "choix", "type": "CHOIX_UNIQUE", "libelle": "Choix", "options": [{"valeur": "o", "libelle": "<b>Oui</b>"}]},
                {"id": "liste", "type": "LISTE_DEROULANTE", "libelle": "Liste", "options": [{"valeur": "v", "libelle": "<b>V</b>"}]}""");
        Reponses reponses = new Reponses(Map.of("nom", "\"><script>alert(1)</script>", "note", "</textarea><script>alert(2)</script>"));
        String html = RenduFragments.page(essai, "p1", reponses, Map.of("nom", "<b>Erreur</b>"));
        assertThat(html).contains("name=\"nom\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .contains(">&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>")
                .contains("> Nom &lt;b&gt;gras&lt;/b&gt; </label>")
                .contains("<label class=\"fr-label\" for=\"champ-choix-0\">&lt;b&gt;Oui&lt;/b&gt;</label>")
                .contains("<option value=\"v\">&lt;b&gt;V&lt;/b&gt;</option>")
                .contains("<p class=\"fr-error-text\" id=\"champ-nom-erreur\">&lt;b&gt;Erreur&lt;/b&gt;</p>")
                .doesNotContain("<script").doesNotContain("<b>");
    }
}
