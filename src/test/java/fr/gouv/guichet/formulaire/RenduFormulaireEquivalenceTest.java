package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java renderer ({@code formulaire.web.RenduFormulaire}, issue 18) writes the HTML of the former Thymeleaf fragments
 * (test resource {@code reference/formulaire-champs.html}): every page of every definition the application loads
 * (all versions), empty, filled (texts to escape, choices ticked, groups with two entries) and with an error on every
 * field and group sub-field. Only whitespace is normalised before comparing.
 */
class RenduFormulaireEquivalenceTest {

    /** Characters that must be escaped, a typographic apostrophe and an accent. */
    static final String PIEGE = "<script>&\"'’ é";

    /** A small definition using what the application's definitions may not: groups at their maximum, hints, conditions. */
    static final DefinitionFormulaire ESSAI = Exemples.catalogue("""
            {"id": "essai-rendu", "version": "1", "titre": "Essai <b>", "cerfa": "00000*01",
             "pages": [
               {"id": "p1", "titre": "Page 1", "sections": [
                 {"id": "s1", "titre": "Section <i>1</i> & 'co'", "aide": "Aide \\"de\\" section <b>", "champs": [
                   {"id": "n", "type": "NOMBRE", "libelle": "N <b>", "aide": "Aide ’n’"},
                   {"id": "q", "type": "OUI_NON", "libelle": "Q", "condition": {"champ": "n", "superieurA": 2}},
                   {"id": "r", "type": "TEXTE_LONG", "libelle": "R", "autocomplete": "street-address",
                    "condition": {"champ": "q", "egal": "oui", "texte": "Si « oui » & <b>"}},
                   {"id": "liste", "type": "LISTE_DEROULANTE", "libelle": "Liste", "autocomplete": "country",
                    "options": [{"valeur": "a&b", "libelle": "<b>A</b>"}, {"valeur": "c", "libelle": "C ’"}]},
                   {"id": "lieux", "type": "GROUPE_REPETABLE", "libelle": "Lieux <b>", "aide": "Aide du groupe",
                    "maxOccurrences": 2, "libelleOccurrence": "Lieu <i>",
                    "sousChamps": [
                      {"id": "nom", "type": "LISTE_DEROULANTE", "libelle": "Nom",
                       "options": [{"valeur": "a", "libelle": "A"}, {"valeur": "b", "libelle": "B"}]},
                      {"id": "ouvert", "type": "OUI_NON", "libelle": "Ouvert", "aide": "Aide oui/non"},
                      {"id": "note", "type": "TEXTE_LONG", "libelle": "Note"},
                      {"id": "tel", "type": "TELEPHONE", "libelle": "Tél.", "autocomplete": "tel"}]},
                   {"id": "agences", "type": "GROUPE_REPETABLE", "libelle": "Agences", "minOccurrences": 4,
                    "maxOccurrences": 5, "libelleAjout": "Ajouter <une> agence",
                    "sousChamps": [{"id": "cp", "type": "CODE_POSTAL", "libelle": "Code postal"}]}]}]},
               {"id": "p2", "titre": "Page 2", "sections": [
                 {"id": "s2", "titre": "Section 2", "champs": [
                   {"id": "choix", "type": "CHOIX_MULTIPLE", "libelle": "Choix",
                    "options": [{"valeur": "x", "libelle": "X"}, {"valeur": "y", "libelle": "Y"}]},
                   {"id": "autre", "type": "TEXTE", "libelle": "Autre", "condition": {"champ": "choix", "contient": "y"}},
                   {"id": "ailleurs", "type": "DATE", "libelle": "Ailleurs", "condition": {"champ": "n", "different": "1"}}]}]},
               {"id": "p3", "titre": "Page 3", "sections": [
                 {"id": "s3", "titre": "Section 3", "champs": [{"id": "mel", "type": "EMAIL", "libelle": "Courriel"}]},
                 {"id": "s4", "titre": "Section 4", "champs": [{"id": "siret", "type": "SIRET", "libelle": "SIRET"}]}]}
             ]}
            """).get("essai-rendu", "1");

    static Stream<Arguments> pages() {
        List<DefinitionFormulaire> definitions = new ArrayList<>();
        CatalogueFormulaires catalogue = Exemples.CATALOGUE;
        for (String id : catalogue.identifiants()) {
            for (String version : catalogue.versions(id)) {
                definitions.add(catalogue.get(id, version));
            }
        }
        assertThat(definitions).as("definitions loaded by the application").hasSizeGreaterThanOrEqualTo(15);
        definitions.add(ESSAI);
        return definitions.stream().flatMap(d -> d.pages().stream()
                .map(p -> Arguments.of(Named.of(d.cle(), d), Named.of(p.id(), p))));
    }

    @ParameterizedTest(name = "{0} page {1}")
    @MethodSource("pages")
    void meme_html_que_les_fragments_thymeleaf(DefinitionFormulaire definition, Page page) {
        Map<String, String> erreurs = erreurs(definition);
        comparer("vide", definition, page, Reponses.vide(), Map.of());
        comparer("vide avec erreurs", definition, page, Reponses.vide(), erreurs);
        comparer("remplie (premières options)", definition, page, remplies(definition, false), Map.of());
        comparer("remplie (dernières options) avec erreurs", definition, page, remplies(definition, true), erreurs);
    }

    @Test
    void la_comparaison_voit_une_difference() {
        Page page = ESSAI.pageOuErreur("p1");
        String java = RenduFragments.normaliser(RenduFragments.brut(ESSAI, page, Reponses.vide(), Map.of()));
        String reference = RenduFragments.normaliser(ReferenceThymeleaf.brut(ESSAI, page, Reponses.vide(), Map.of()));
        assertThat(java).isEqualTo(reference)
                .isNotEqualTo(RenduFragments.normaliser(ReferenceThymeleaf.brut(ESSAI, page, Reponses.vide(), Map.of("n", "e"))))
                .isNotEqualTo(java.replaceFirst(" data-condition-aide>", ">"))
                .isNotEqualTo(java.replaceFirst("> N ", ">N "));
    }

    private static void comparer(String cas, DefinitionFormulaire definition, Page page, Reponses reponses,
                                 Map<String, String> erreurs) {
        String java = RenduFragments.normaliser(RenduFragments.brut(definition, page, reponses, erreurs));
        String reference = RenduFragments.normaliser(ReferenceThymeleaf.brut(definition, page, reponses, erreurs));
        assertThat(java).as("%s, page %s, %s", definition.cle(), page.id(), cas).isEqualTo(reference);
    }

    /** An answer for every field: texts with characters to escape, the first or last option(s), two group entries. */
    static Reponses remplies(DefinitionFormulaire definition, boolean dernieres) {
        Map<String, Object> valeurs = new LinkedHashMap<>();
        for (Champ champ : definition.champs()) {
            Object valeur = switch (champ.type()) {
                case CHOIX_MULTIPLE -> dernieres ? champ.options().stream().map(Option::valeur).toList()
                        : List.of(champ.options().getFirst().valeur());
                case GROUPE_REPETABLE -> List.of(entree(champ, dernieres), entree(champ, !dernieres));
                default -> valeur(champ, dernieres);
            };
            valeurs.put(champ.id(), valeur);
        }
        return new Reponses(valeurs);
    }

    private static Map<String, String> entree(Champ groupe, boolean dernieres) {
        Map<String, String> entree = new LinkedHashMap<>();
        groupe.sousChamps().forEach(sousChamp -> entree.put(sousChamp.id(), valeur(sousChamp, dernieres)));
        return entree;
    }

    private static String valeur(Champ champ, boolean dernieres) {
        if (!champ.options().isEmpty()) {
            return (dernieres ? champ.options().getLast() : champ.options().getFirst()).valeur();
        }
        if (champ.type() == TypeChamp.NOMBRE && dernieres) {
            return "99";
        }
        return PIEGE + " " + champ.id();
    }

    /** A message on every field, on every group and on the sub-fields of every shown entry (at most 5 here). */
    static Map<String, String> erreurs(DefinitionFormulaire definition) {
        Map<String, String> erreurs = new LinkedHashMap<>();
        for (Champ champ : definition.champs()) {
            erreurs.put(champ.id(), "Erreur " + PIEGE + " sur " + champ.id());
            for (int i = 0; i < 5; i++) {
                for (Champ sousChamp : champ.sousChamps()) {
                    String nom = champ.id() + "[" + i + "]." + sousChamp.id();
                    erreurs.put(nom, "Erreur " + PIEGE + " sur " + nom);
                }
            }
        }
        return erreurs;
    }
}
