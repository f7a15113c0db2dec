package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReponsesTest {

    private final DefinitionFormulaire cerfa = Exemples.cerfa13806();
    private final Page page1 = cerfa.pageOuErreur("demande-declarant");
    private final Page page2 = cerfa.pageOuErreur("finalites-localisation");
    private final Page page3 = cerfa.pageOuErreur("caracteristiques-securite");

    private static Map<String, String[]> parametres(String... clesEtValeurs) {
        Map<String, String[]> parametres = new HashMap<>();
        for (int i = 0; i < clesEtValeurs.length; i += 2) {
            parametres.merge(clesEtValeurs[i], new String[] {clesEtValeurs[i + 1]}, (a, b) -> {
                String[] tous = new String[a.length + b.length];
                System.arraycopy(a, 0, tous, 0, a.length);
                System.arraycopy(b, 0, tous, a.length, b.length);
                return tous;
            });
        }
        return parametres;
    }

    @Test
    void lit_et_nettoie_les_textes_de_la_page() {
        Reponses lues = Reponses.depuisFormulaire(cerfa, page1, parametres(
                "prenom", "  Claire \t", "nom_naissance", "Martin", "champ_inconnu", "x", "cameras_interieures", "3"));
        assertThat(lues.texte("prenom")).isEqualTo("Claire");
        assertThat(lues.texte("nom_naissance")).isEqualTo("Martin");
        assertThat(lues.contient("champ_inconnu")).isFalse();
        assertThat(lues.contient("cameras_interieures")).as("a field of another page").isFalse();
        // every field of the page is present, blank when not posted, so that merging clears an erased answer
        assertThat(lues.contient("activite")).isTrue();
        assertThat(lues.texte("activite")).isEmpty();
        assertThat(lues.estRenseigne("activite")).isFalse();
    }

    @Test
    void cases_a_cocher_absentes_donnent_une_liste_vide() {
        Reponses lues = Reponses.depuisFormulaire(cerfa, page2, parametres("cameras_interieures", "2"), Exemples.completes13806());
        assertThat(lues.liste("finalites")).isEmpty();
        assertThat(lues.valeurs()).containsEntry("finalites", List.of());

        Reponses cochees = Reponses.depuisFormulaire(cerfa, page2, parametres(
                "finalites", "securite_personnes", "finalites", "autre", "finalites", "autre", "finalites_autre", " Vols "),
                Exemples.completes13806());
        assertThat(cochees.liste("finalites")).containsExactly("securite_personnes", "autre");
        assertThat(cochees.texte("finalites_autre")).isEqualTo("Vols");
    }

    @Test
    void les_champs_masques_ne_sont_pas_gardes() {
        Reponses lues = Reponses.depuisFormulaire(cerfa, page3, parametres(
                "enregistrement", "non", "duree_conservation", "20", "transmission", "oui", "transmission_description", "CSU"));
        assertThat(lues.contient("duree_conservation")).isFalse();
        assertThat(lues.texte("transmission_description")).isEqualTo("CSU");

        Reponses sansCase = Reponses.depuisFormulaire(cerfa, page2, parametres("finalites_autre", "Vols"),
                Exemples.completes13806());
        assertThat(sansCase.contient("finalites_autre")).isFalse();
    }

    @Test
    void condition_sur_une_autre_page() {
        Map<String, String[]> postes = parametres("cameras_voie_publique", "4", "abords_immediats", "oui");
        // without the dossier's answers the condition on "qualite" (page 1) cannot be evaluated: kept
        Reponses pageSeule = Reponses.depuisFormulaire(cerfa, page2, postes);
        assertThat(pageSeule.texte("cameras_voie_publique")).isEqualTo("4");
        // with them: a shopkeeper has no voie publique camera, but may film the abords
        Reponses commercant = Reponses.depuisFormulaire(cerfa, page2, postes, Exemples.completes13806());
        assertThat(commercant.contient("cameras_voie_publique")).isFalse();
        assertThat(commercant.texte("abords_immediats")).isEqualTo("oui");
        Reponses autorite = Reponses.depuisFormulaire(cerfa, page2, postes,
                Exemples.completes13806().avec("qualite", "autorite_publique"));
        assertThat(autorite.texte("cameras_voie_publique")).isEqualTo("4");
        assertThat(autorite.contient("abords_immediats")).isFalse();
    }

    @Test
    void lit_les_entrees_des_groupes_repetables() {
        DefinitionFormulaire banque = Exemples.cerfa14095();
        Page page = banque.pageOuErreur("finalites-localisation");
        Reponses lues = Reponses.depuisFormulaire(banque, page, parametres(
                "agences[0].nom", " Toulon ", "agences[0].code_postal", "83000",
                "agences[3].nom", "Hyères", "agences[3].cameras_interieures", "2", "agences[3].inconnu", "x",
                "agences[2].nom", " ", "agences[2].commune", "",
                "agences[x].nom", "ignorée", "autre[0].nom", "ignorée"));
        assertThat(lues.groupes("agences")).hasSize(2);
        assertThat(lues.groupes("agences").get(0)).containsEntry("nom", "Toulon").containsEntry("code_postal", "83000")
                .containsEntry("commune", "").containsOnlyKeys("nom", "voie", "code_postal", "commune",
                        "cameras_interieures", "cameras_exterieures");
        assertThat(lues.groupes("agences").get(1)).containsEntry("nom", "Hyères").containsEntry("cameras_interieures", "2");
        assertThat(Reponses.depuisFormulaire(banque, page, parametres()).groupes("agences")).isEmpty();
    }

    @Test
    void une_date_saisie_a_la_francaise_est_convertie() {
        Reponses lues = Reponses.depuisFormulaire(cerfa, page3, parametres("date_mise_en_service", "1/2/2027"));
        assertThat(lues.texte("date_mise_en_service")).isEqualTo("2027-02-01");
        assertThat(Reponses.depuisFormulaire(cerfa, page3, parametres("date_mise_en_service", "2027-02-01"))
                .texte("date_mise_en_service")).isEqualTo("2027-02-01");
    }

    @Test
    void fusionner_puis_nettoyer() {
        Reponses dossier = Exemples.completes13806().avec("qualite", "autorite_publique").avec("cameras_voie_publique", "3");
        Reponses page1Modifiee = new Reponses(Map.of("qualite", "commercant"));
        Reponses fusion = dossier.fusionner(page1Modifiee);
        assertThat(fusion.texte("qualite")).isEqualTo("commercant");
        assertThat(fusion.texte("cameras_voie_publique")).isEqualTo("3");
        Reponses nettoyee = fusion.nettoyer(cerfa);
        assertThat(nettoyee.contient("cameras_voie_publique")).isFalse();
        assertThat(nettoyee.texte("prenom")).isEqualTo("Claire");
        assertThat(nettoyee.avec("inconnu", "x").nettoyer(cerfa).contient("inconnu")).isFalse();
    }

    @Test
    void immuable_et_types_de_valeurs_controles() {
        List<String> liste = new ArrayList<>(List.of("a"));
        Reponses reponses = new Reponses(Map.of("l", liste));
        liste.add("b");
        assertThat(reponses.liste("l")).containsExactly("a");
        assertThatThrownBy(() -> reponses.liste("l").add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> reponses.valeurs().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(reponses.avec("t", "v")).isNotSameAs(reponses).isEqualTo(new Reponses(Map.of("l", List.of("a"), "t", "v")));
        assertThatIllegalArgumentException().isThrownBy(() -> new Reponses(Map.of("n", 3)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Reponses(Map.of("g", List.of(Map.of("k", 1)))));
        assertThat(reponses.texte("l")).isEmpty();
        assertThat(reponses.groupes("l")).isEmpty();
        assertThat(reponses.texte("absent")).isEmpty();
    }

    @Test
    void occurrences_affichees_et_retrait() {
        Champ agences = Exemples.cerfa14095().champ("agences").orElseThrow();
        Reponses deux = Exemples.completes14095();
        assertThat(deux.occurrencesAffichees(agences)).hasSize(3).last().isEqualTo(Map.of());
        assertThat(Reponses.vide().occurrencesAffichees(agences)).containsExactly(Map.of());
        Reponses une = deux.sansOccurrence("agences", 0);
        assertThat(une.groupes("agences")).singleElement().extracting(m -> m.get("nom")).isEqualTo("Agence Hyères");
        assertThat(deux.sansOccurrence("agences", 9)).isEqualTo(deux);
    }
}
