package fr.gouv.guichet.formulaire;

import fr.gouv.guichet.videoprotection.PiecesAttendues;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.gouv.guichet.formulaire.Exemples.completes13806;
import static org.assertj.core.api.Assertions.assertThat;

class PiecesAttenduesTest {

    private final DefinitionFormulaire cerfa = Exemples.cerfa13806();

    private List<String> codes(Reponses reponses) {
        return PiecesAttendues.pour(cerfa, reponses).stream().map(PieceAttendue::code).toList();
    }

    @Test
    void petit_erp_avec_installateur_certifie() {
        // 3 interior + 1 exterior cameras in an ERP
        assertThat(codes(completes13806())).containsExactly("modele_affiche", "certificat_installateur", "expose_succinct");
        PieceAttendue expose = PiecesAttendues.pour(cerfa, completes13806()).get(2);
        assertThat(expose.explication()).contains("caméras numérotées").contains("photo du champ de vision de chaque caméra extérieure");
        assertThat(PiecesAttendues.pour(cerfa, completes13806().avec("cameras_exterieures", "0")).get(2).explication())
                .doesNotContain("photo");
    }

    @Test
    void installateur_non_certifie_questionnaire_de_conformite() {
        assertThat(codes(completes13806().avec("installateur_certifie", "non")))
                .containsExactly("modele_affiche", "questionnaire_conformite", "expose_succinct");
        assertThat(PiecesAttendues.pour(cerfa, completes13806().avec("installateur_certifie", "non")).get(1).explication())
                .contains("page 7/7 de la notice 51336#02").contains("signé par l'installateur et par vous");
    }

    @Test
    void hors_erp_sous_8_cameras_pas_d_expose() {
        assertThat(codes(completes13806().avec("etablissement_recevant_public", "non")))
                .containsExactly("modele_affiche", "certificat_installateur");
    }

    @Test
    void huit_cameras_ou_plus_rapport_et_plan_de_detail() {
        assertThat(codes(completes13806().avec("cameras_interieures", "7").avec("cameras_exterieures", "1")))
                .containsExactly("modele_affiche", "certificat_installateur", "rapport_presentation", "plan_detail");
        assertThat(codes(completes13806().avec("cameras_interieures", "6").avec("cameras_exterieures", "1")))
                .contains("expose_succinct").doesNotContain("rapport_presentation");
    }

    @Test
    void voie_publique_rapport_plan_de_detail_et_plan_masse() {
        Reponses autorite = completes13806().avec("qualite", "autorite_publique")
                .avec("cameras_interieures", "0").avec("cameras_exterieures", "0").avec("cameras_voie_publique", "1");
        assertThat(codes(autorite)).containsExactly("modele_affiche", "certificat_installateur",
                "rapport_presentation", "plan_detail", "plan_masse");
        // a voie publique count left over after the qualité changed is not counted
        assertThat(codes(autorite.avec("qualite", "personne_morale"))).doesNotContain("plan_masse", "rapport_presentation");
    }

    @Test
    void commercant_qui_filme_les_abords() {
        assertThat(codes(completes13806().avec("abords_immediats", "oui"))).containsExactly("modele_affiche",
                "certificat_installateur", "expose_succinct", "plan_abords", "attestation_deconnexion");
        // abords only concern shopkeepers
        assertThat(codes(completes13806().avec("abords_immediats", "oui").avec("qualite", "personne_morale")))
                .doesNotContain("plan_abords", "attestation_deconnexion");
    }

    @Test
    void banque_les_cameras_des_agences_comptent() {
        DefinitionFormulaire banque = Exemples.cerfa14095();
        // 4 + 1 + 2 + 0 = 7 cameras
        assertThat(PiecesAttendues.pour(banque, Exemples.completes14095())).extracting(PieceAttendue::code)
                .containsExactly("modele_affiche", "certificat_installateur", "expose_succinct");
        Reponses grandeBanque = Exemples.completes14095().avec("agences", List.of(
                Exemples.agence("A", "83000", "5", "0"), Exemples.agence("B", "83400", "3", "0")));
        assertThat(PiecesAttendues.pour(banque, grandeBanque)).extracting(PieceAttendue::code)
                .containsExactly("modele_affiche", "certificat_installateur", "rapport_presentation", "plan_detail");
    }

    @Test
    void toujours_affiche_et_preuve_de_conformite_meme_sans_reponse() {
        assertThat(codes(Reponses.vide())).containsExactly("modele_affiche", "questionnaire_conformite");
    }
}
