package fr.gouv.guichet.formulaire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static fr.gouv.guichet.formulaire.Exemples.VAR;
import static fr.gouv.guichet.formulaire.Exemples.completes13806;
import static org.assertj.core.api.Assertions.assertThat;

class MoteurValidationTest {

    private final MoteurValidation moteur = new MoteurValidation();
    private final DefinitionFormulaire cerfa = Exemples.cerfa13806();

    private Map<String, String> erreurs(Reponses reponses) {
        return MoteurValidation.parChamp(moteur.validerTout(cerfa, reponses, VAR));
    }

    @Test
    void une_demande_complete_est_valide() {
        assertThat(moteur.validerTout(cerfa, completes13806(), VAR)).isEmpty();
    }

    @Test
    void champs_obligatoires_avec_messages_polis() {
        Map<String, String> erreurs = erreurs(completes13806().avec("prenom", "  ").sans("nom_naissance")
                .avec("finalites", List.of()).sans("engagement"));
        assertThat(erreurs).containsEntry("prenom", "Indiquez le prénom du déclarant.")
                .containsEntry("nom_naissance", "Indiquez le nom de naissance du déclarant.")
                .containsEntry("finalites", "Cochez au moins une finalité du système.")
                .containsEntry("engagement", "Cochez la case pour certifier l'exactitude des renseignements fournis.");
    }

    @Test
    void un_formulaire_vide_signale_chaque_champ_obligatoire_visible_dans_l_ordre() {
        List<ErreurChamp> erreurs = moteur.validerTout(cerfa, Reponses.vide(), VAR);
        assertThat(erreurs.getFirst().champId()).isEqualTo("nature_demande");
        assertThat(erreurs).extracting(ErreurChamp::champId)
                .doesNotContain("siret", "nom_usuel", "declarant_email", "agressions_passees")
                .doesNotContain("duree_conservation", "finalites_autre", "perimetre_description", "cameras_voie_publique");
        assertThat(erreurs).allSatisfy(e -> assertThat(e.message()).endsWith(".").doesNotContain("null"));
    }

    @Test
    void siret_facultatif_mais_verifie() {
        assertThat(erreurs(completes13806().avec("siret", ""))).isEmpty();
        assertThat(erreurs(completes13806().avec("siret", "7328293200007")))
                .containsEntry("siret", "Le numéro SIRET doit comporter 14 chiffres : recopiez-le depuis un extrait Kbis "
                        + "ou un avis de situation INSEE (les espaces sont acceptés).");
        assertThat(erreurs(completes13806().avec("siret", "73282932000075")))
                .containsEntry("siret", "Le numéro SIRET n'est pas valide : vérifiez les 14 chiffres (clé de contrôle incorrecte).");
    }

    @Test
    void code_postal_du_departement_de_la_prefecture() {
        assertThat(erreurs(completes13806().avec("systeme_code_postal", "75001"))).containsEntry("systeme_code_postal",
                "Le code postal 75001 ne correspond pas au département 83 : indiquez un code postal du département de la préfecture choisie.");
        assertThat(erreurs(completes13806().avec("systeme_code_postal", "8300")))
                .containsEntry("systeme_code_postal", "Le code postal doit comporter 5 chiffres, par exemple 83000.");
        // the declarant may live elsewhere
        assertThat(erreurs(completes13806().avec("declarant_code_postal", "75001"))).isEmpty();
        // Corsica, overseas, and no préfecture chosen
        Reponses corse = completes13806().avec("systeme_code_postal", "20000");
        assertThat(moteur.validerTout(cerfa, corse, new ContexteValidation("2A", Exemples.AUJOURDHUI))).isEmpty();
        assertThat(moteur.validerTout(cerfa, corse, new ContexteValidation("2B", Exemples.AUJOURDHUI))).isEmpty();
        Reponses guadeloupe = completes13806().avec("systeme_code_postal", "97110");
        assertThat(moteur.validerTout(cerfa, guadeloupe, new ContexteValidation("971", Exemples.AUJOURDHUI))).isEmpty();
        assertThat(moteur.validerTout(cerfa, guadeloupe, new ContexteValidation(null, Exemples.AUJOURDHUI))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0494123456", "04 94 12 34 56", "04.94.12.34.56", "+33494123456", "+33 4 94 12 34 56", "06-12-34-56-78"})
    void telephones_acceptes(String telephone) {
        assertThat(erreurs(completes13806().avec("declarant_telephone", telephone))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"494123456", "04941234567", "1494123456", "0094123456", "+3304941234", "04 94 12 34 5A", "+44 20 7946 0958"})
    void telephones_refuses(String telephone) {
        assertThat(erreurs(completes13806().avec("declarant_telephone", telephone))).containsEntry("declarant_telephone",
                "Le numéro de téléphone du déclarant doit comporter 10 chiffres et commencer par 0, par exemple "
                        + "04 94 12 34 56 (ou commencer par +33, par exemple +33 4 94 12 34 56).");
    }

    @Test
    void adresse_electronique() {
        assertThat(erreurs(completes13806().avec("declarant_email", "contact@exemple"))).containsEntry("declarant_email",
                "L'adresse électronique du déclarant n'est pas une adresse e-mail valide : indiquez une adresse de la forme nom@domaine.fr.");
        assertThat(erreurs(completes13806().avec("declarant_email", "a b@exemple.fr"))).containsKey("declarant_email");
        assertThat(erreurs(completes13806().avec("declarant_email", "prenom.nom+guichet@exemple.gouv.fr"))).isEmpty();
    }

    @Test
    void nombres_entiers_et_bornes() {
        assertThat(erreurs(completes13806().avec("cameras_interieures", "3,5"))).containsEntry("cameras_interieures",
                "Le nombre de caméras intérieures doit être un nombre entier écrit en chiffres, sans espace ni virgule (par exemple 4).");
        assertThat(erreurs(completes13806().avec("cameras_interieures", "trois"))).containsKey("cameras_interieures");
        assertThat(erreurs(completes13806().avec("cameras_interieures", "-1"))).containsEntry("cameras_interieures",
                "Le nombre de caméras intérieures ne peut pas être négatif : indiquez 0 s'il n'y en a aucune.");
        assertThat(erreurs(completes13806().avec("cameras_interieures", "10000"))).containsEntry("cameras_interieures",
                "Le nombre de caméras intérieures ne peut pas dépasser 9999 : indiquez un nombre plus petit.");
    }

    @Test
    void duree_de_conservation_au_plus_30_jours() {
        assertThat(erreurs(completes13806().avec("duree_conservation", "31"))).containsEntry("duree_conservation",
                "La durée de conservation ne peut dépasser 30 jours (article L252-5 du code de la sécurité intérieure).");
        assertThat(erreurs(completes13806().avec("duree_conservation", "0"))).containsEntry("duree_conservation",
                "La durée de conservation doit être d'au moins 1 jour : indiquez un nombre de jours entre 1 et 30.");
        assertThat(erreurs(completes13806().avec("duree_conservation", "30"))).isEmpty();
    }

    @Test
    void un_champ_masque_n_est_pas_valide() {
        Reponses sansEnregistrement = completes13806().avec("enregistrement", "non").avec("duree_conservation", "45");
        assertThat(erreurs(sansEnregistrement)).isEmpty();
        assertThat(erreurs(completes13806().sans("duree_conservation")))
                .containsEntry("duree_conservation", "Indiquez la durée de conservation des images, en jours (30 au plus).");
    }

    @Test
    void conditions_egal_different_contient() {
        assertThat(erreurs(completes13806().avec("finalites", List.of("autre"))))
                .containsOnlyKeys("finalites_autre");
        assertThat(erreurs(completes13806().avec("perimetre_videoprotege", "oui"))).containsOnlyKeys("perimetre_description");
        Reponses autorite = completes13806().avec("qualite", "autorite_publique").avec("cameras_voie_publique", "2")
                .avec("finalites", List.of("nimporte"));
        // finalites hidden (different autorite_publique), L251-2 list shown instead; abords hidden (commerçant only)
        assertThat(erreurs(autorite)).containsOnlyKeys("finalites_voie_publique");
        assertThat(erreurs(autorite.avec("finalites_voie_publique", List.of("regulation_transports")))).isEmpty();
    }

    @Test
    void condition_superieur_a() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "n", "type": "NOMBRE", "libelle": "N"},
                {"id": "detail", "type": "TEXTE", "libelle": "Détail", "obligatoire": true,
                 "messageObligatoire": "Indiquez le détail.", "condition": {"champ": "n", "superieurA": 7}}""");
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("n", "7")), VAR)).isEmpty();
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("n", "8")), VAR))
                .containsExactly(new ErreurChamp("detail", "Indiquez le détail."));
        assertThat(essai.champ("detail").orElseThrow().condition().texte())
                .isEqualTo("À remplir seulement si vous avez indiqué plus de 7 à la question « N ».");
    }

    @Test
    void choix_hors_options() {
        assertThat(erreurs(completes13806().avec("qualite", "pirate"))).containsEntry("qualite",
                "Choisissez l'une des réponses proposées pour la qualité du déclarant.");
        assertThat(erreurs(completes13806().avec("finalites", List.of("securite_personnes", "inventee"))))
                .containsEntry("finalites", "Choisissez parmi les réponses proposées pour les finalités du système.");
    }

    @Test
    void au_moins_une_camera() {
        Map<String, String> erreurs = erreurs(completes13806().avec("cameras_interieures", "0").avec("cameras_exterieures", "0"));
        assertThat(erreurs).containsExactly(Map.entry("cameras_interieures", "Le système doit compter au moins une caméra : "
                + "indiquez le nombre de caméras intérieures, extérieures ou filmant la voie publique."));
        // a hidden voie publique count does not count
        assertThat(erreurs(completes13806().avec("cameras_interieures", "0").avec("cameras_exterieures", "0")
                .avec("cameras_voie_publique", "5"))).containsKey("cameras_interieures");
        // no double message while a count is itself wrong or missing
        assertThat(moteur.validerTout(cerfa, completes13806().avec("cameras_interieures", "").avec("cameras_exterieures", "0"), VAR))
                .extracting(ErreurChamp::champId).containsExactly("cameras_interieures");
    }

    @Test
    void date_de_mise_en_service() {
        assertThat(erreurs(completes13806().avec("date_mise_en_service", "2026-11-22"))).containsEntry("date_mise_en_service",
                "La date de mise en service prévue ne peut pas être antérieure au 23/11/2026 : indiquez une date à venir.");
        assertThat(erreurs(completes13806().avec("date_mise_en_service", "2026-11-23"))).isEmpty();
        assertThat(erreurs(completes13806().avec("date_mise_en_service", "2031-11-24"))).containsEntry("date_mise_en_service",
                "La date de mise en service prévue ne peut pas être postérieure au 23/11/2031 : indiquez une date dans les 5 ans.");
        assertThat(erreurs(completes13806().avec("date_mise_en_service", "2027-02-30"))).containsEntry("date_mise_en_service",
                "La date de mise en service prévue n'est pas une date valide : indiquez le jour, le mois et l'année, par exemple 15/03/2027.");
        assertThat(erreurs(completes13806().avec("date_mise_en_service", "01/02/2027"))).containsKey("date_mise_en_service");
    }

    @Test
    void date_sans_borne_entre_1990_et_dans_5_ans() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "d", "type": "DATE", "libelle": "Date de l'arrêté", "designation": "la date de l'arrêté"}""");
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("d", "1989-12-31")), VAR)).containsExactly(new ErreurChamp("d",
                "La date de l'arrêté ne peut pas être antérieure au 01/01/1990 : indiquez une date à partir du 01/01/1990."));
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("d", "2031-11-23")), VAR)).isEmpty();
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("d", "2031-11-24")), VAR)).containsExactly(new ErreurChamp("d",
                "La date de l'arrêté ne peut pas être postérieure au 23/11/2031 : indiquez une date au plus tard le 23/11/2031."));
    }

    @Test
    void longueur_maximale_et_motif() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "sigle", "type": "TEXTE", "libelle": "Sigle", "designation": "le sigle",
                 "contraintes": {"longueurMax": 5, "motif": "[A-Z]+", "messageMotif": "Le sigle ne doit contenir que des majuscules, par exemple SNCF."}}""");
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("sigle", "ABCDEF")), VAR)).containsExactly(new ErreurChamp("sigle",
                "Le sigle ne peut pas dépasser 5 caractères (vous en avez saisi 6) : raccourcissez le texte."));
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("sigle", "Sncf")), VAR)).containsExactly(new ErreurChamp("sigle",
                "Le sigle ne doit contenir que des majuscules, par exemple SNCF."));
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("sigle", "SNCF")), VAR)).isEmpty();
    }

    @Test
    void message_par_defaut_sans_designation() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "a", "type": "TEXTE", "libelle": "Nom du lieu", "obligatoire": true},
                {"id": "b", "type": "NOMBRE", "libelle": "Étages"},
                {"id": "c", "type": "CHOIX_MULTIPLE", "libelle": "Jours", "obligatoire": true, "options": [{"valeur": "lundi", "libelle": "Lundi"}]}""");
        assertThat(moteur.validerPage(essai, "p1", new Reponses(Map.of("b", "x")), VAR)).containsExactly(
                new ErreurChamp("a", "Renseignez le champ « Nom du lieu »."),
                new ErreurChamp("b", "La valeur du champ « Étages » doit être un nombre entier écrit en chiffres, sans espace ni virgule (par exemple 4)."),
                new ErreurChamp("c", "Cochez au moins une réponse pour « Jours »."));
    }

    @Test
    void valider_une_page_ne_regarde_que_cette_page() {
        Reponses sansPage3 = completes13806().sans("engagement").sans("installateur_nom");
        assertThat(moteur.validerPage(cerfa, "demande-declarant", sansPage3, VAR)).isEmpty();
        assertThat(moteur.validerPage(cerfa, "caracteristiques-securite", sansPage3, VAR))
                .extracting(ErreurChamp::champId).containsExactly("installateur_nom", "engagement");
        // the camera rule is checked with page 2, where its field is
        Reponses zero = completes13806().avec("cameras_interieures", "0").avec("cameras_exterieures", "0");
        assertThat(moteur.validerPage(cerfa, "demande-declarant", zero, VAR)).isEmpty();
        assertThat(moteur.validerPage(cerfa, "finalites-localisation", zero, VAR)).hasSize(1);
    }

    @Test
    void groupes_repetables_de_la_banque() {
        DefinitionFormulaire banque = Exemples.cerfa14095();
        assertThat(moteur.validerTout(banque, Exemples.completes14095(), VAR)).isEmpty();

        Map<String, String> sansAgence = MoteurValidation.parChamp(
                moteur.validerTout(banque, Exemples.completes14095().avec("agences", List.of()), VAR));
        assertThat(sansAgence).containsEntry("agences", "Indiquez au moins une agence de l'établissement située dans le département.");

        Reponses agencesFausses = Exemples.completes14095().avec("agences", List.of(
                Exemples.agence("Agence Toulon", "83000", "2", "0"),
                Exemples.agence("", "75001", "deux", "0")));
        assertThat(moteur.validerTout(banque, agencesFausses, VAR)).containsExactly(
                new ErreurChamp("agences[1].nom", "Agence 2 : indiquez le nom de l'agence."),
                new ErreurChamp("agences[1].code_postal", "Agence 2 : le code postal 75001 ne correspond pas au département 83 : "
                        + "indiquez un code postal du département de la préfecture choisie."),
                new ErreurChamp("agences[1].cameras_interieures", "Agence 2 : le nombre de caméras intérieures doit être un "
                        + "nombre entier écrit en chiffres, sans espace ni virgule (par exemple 4)."));

        Reponses sansCamera = Exemples.completes14095().avec("agences", List.of(Exemples.agence("A", "83000", "0", "0")));
        assertThat(moteur.validerTout(banque, sansCamera, VAR)).containsExactly(new ErreurChamp("agences",
                "Le système doit compter au moins une caméra : indiquez le nombre de caméras de chaque agence."));
    }

    @Test
    void nombre_maximal_d_entrees() {
        DefinitionFormulaire essai = Exemples.essai("""
                {"id": "lieux", "type": "GROUPE_REPETABLE", "libelle": "Lieux", "minOccurrences": 0, "maxOccurrences": 2,
                 "libelleOccurrence": "Lieu", "sousChamps": [{"id": "nom", "type": "TEXTE", "libelle": "Nom"}]}""");
        Reponses trois = new Reponses(Map.of("lieux", List.of(Map.of("nom", "a"), Map.of("nom", "b"), Map.of("nom", "c"))));
        assertThat(moteur.validerPage(essai, "p1", trois, VAR))
                .containsExactly(new ErreurChamp("lieux", "Vous ne pouvez pas indiquer plus de 2 « lieu » : retirez-en 1."));
        assertThat(moteur.validerPage(essai, "p1", Reponses.vide(), VAR)).isEmpty();
    }

    @Test
    void erreurs_par_champ_garde_le_premier_message() {
        assertThat(MoteurValidation.parChamp(List.of(new ErreurChamp("a", "1"), new ErreurChamp("a", "2"), new ErreurChamp("b", "3"))))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "3"));
    }
}
