package fr.gouv.guichet.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ArretePdfTest {

    private static PdfLu arrete;
    private static PdfLu provisoire;

    @BeforeAll
    static void genererLesArretes() {
        GenerateurPdf generateur = new GenerateurPdf(Exemples.moteur());
        arrete = PdfLu.lire(Exemples.arrete().pdf(generateur));
        provisoire = PdfLu.lire(Exemples.arreteProvisoire().pdf(generateur));
    }

    @Test
    void porte_l_en_tete_les_visas_et_le_dispositif() {
        assertThat(arrete.estUnPdf()).isTrue();
        assertThat(arrete.texte()).contains(
                "RÉPUBLIQUE FRANÇAISE",
                "Préfecture du Var",
                "Bureau de la vidéoprotection",
                "Arrêté n° 2026-083-VP-0042 du 24 mars 2026 portant autorisation d’un système de vidéoprotection",
                "Dossier n° VP-2025-000987",
                "Le préfet du Var,",
                "Vu le code de la sécurité intérieure, notamment ses articles L251-1 à L255-1, R252-1, R252-2, R252-3, R252-14 et R252-15",
                "Vu l’arrêté ministériel du 3 août 2007 portant définition des normes techniques des systèmes de"
                        + " vidéoprotection ;",
                "Vu l’arrêté préfectoral du 2 janvier 2026 portant délégation de signature à M. Jean Martin ;",
                "Vu la demande d’autorisation déposée le 23 novembre 2025 par M. Éloi Dupré, gérant,",
                "enregistrée sous le numéro VP-2025-000987 ;",
                "Vu l’avis favorable avec réserves émis par la commission départementale de vidéoprotection lors de sa séance du 10 mars 2026 ;",
                "ARRÊTE");
    }

    @Test
    void numerote_les_huit_articles_dans_l_ordre() {
        int[] positions = IntStream.rangeClosed(1, 8)
                .map(n -> arrete.texte().indexOf(n == 1 ? "Article 1er" : "Article " + n + " "))
                .toArray();

        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(arrete.texte().indexOf("ARRÊTE")).isLessThan(positions[0]);
    }

    @Test
    void decrit_le_titulaire_le_lieu_les_cameras_et_les_finalites() {
        assertThat(arrete.texte()).contains(
                "sont autorisées, dans les conditions fixées par le présent arrêté",
                "Titulaire de l’autorisation M. Éloi Dupré, gérant",
                "Lieu d’implantation Boulangerie Éloïse 3 place Carnot 83000 Toulon",
                "Numéro de dossier VP-2025-000987",
                "Nombre total de caméras 5",
                "dont caméras intérieures 3",
                "dont caméras extérieures 2",
                "dont caméras sur la voie publique 0",
                "Finalités Sécurité des personnes Prévention des atteintes aux biens",
                "réserves suivantes, émises par la commission départementale de vidéoprotection",
                "Masquer les fenêtres des immeubles voisins.",
                "Transmettre le plan actualisé.");
    }

    @Test
    void garde_les_retours_a_la_ligne_des_reserves() {
        assertThat(arrete.brut()).containsPattern("voisins\\.[ \\t]*\\R[ \\t]*Ne filmer");
    }

    @Test
    void porte_les_obligations_legales_du_titulaire() {
        assertThat(arrete.texte()).contains(
                "Les images enregistrées sont conservées pendant une durée de 15 jours, puis détruites, sauf dans le"
                        + " cas d’une enquête de flagrant délit, d’une enquête préliminaire ou d’une information"
                        + " judiciaire",
                "Cette durée ne peut excéder trente jours (article L252-5 du code de la sécurité intérieure)",
                "au moyen d’affiches ou de panonceaux comportant un pictogramme représentant une caméra",
                "le droit d’accès aux images : Le gérant, téléphone : 04 94 00 00 00",
                "Seules les personnes suivantes, habilitées par le titulaire, peuvent accéder aux images",
                "Mme Léa Roux, responsable de magasin",
                "Le titulaire tient un registre mentionnant les enregistrements réalisés, la date de destruction des"
                        + " images et, le cas échéant, la date de leur transmission au parquet",
                "Le titulaire informe le préfet de la date de mise en service du système, avant celle-ci",
                "fait l’objet d’une demande de modification",
                "conforme aux normes techniques fixées par l’arrêté ministériel du 3 août 2007");
    }

    @Test
    void fixe_la_validite_a_cinq_ans_et_le_renouvellement_quatre_mois_avant() {
        assertThat(arrete.texte()).contains(
                "délivrée pour une durée de cinq ans renouvelable, à compter de la date du présent arrêté",
                "Elle expire le 24 mars 2031",
                "quatre mois au moins avant son expiration, soit au plus tard le 24 novembre 2030");
        assertThat(arrete.texte()).doesNotContain("provisoire", "Considérant l’urgence");
    }

    @Test
    void rappelle_retrait_sanctions_recours_et_publication() {
        assertThat(arrete.texte()).contains(
                "peut être suspendue ou retirée, après que le titulaire a été mis à même de présenter ses observations",
                "(chapitre IV « Contrôle et sanctions » du titre V du livre II de la partie réglementaire du code de la",
                "est puni de trois ans d’emprisonnement et de 45 000 euros d’amende (article L254-1",
                "dans un délai de deux mois à compter de sa notification ou, pour les tiers, de sa publication (article R421-1 du code de justice administrative) :",
                "d’un recours gracieux auprès du préfet du Var ;",
                "d’un recours hiérarchique auprès du ministre de l’Intérieur ;",
                "recours contentieux devant le tribunal administratif de Toulon, 5 rue Racine, CS 40510, 83041 Toulon Cedex 9.",
                "Télérecours citoyens, accessible sur le site www.telerecours.fr",
                "(article L411-2 du code des relations entre le public et l’administration)",
                "publié au recueil des actes administratifs de la préfecture et notifié au titulaire");
    }

    @Test
    void est_signe_par_delegation_et_verifiable() {
        assertThat(arrete.texte()).contains(
                "Fait à Toulon, le 24 mars 2026",
                "Pour le préfet et par délégation,",
                "Le secrétaire général de la préfecture",
                "Jean Martin",
                "Pour vérifier l’authenticité de cet arrêté, rendez-vous sur https://guichet.interieur.gouv.fr/verifier"
                        + " et saisissez le code P3XR-7KLM",
                "Page 1 sur ");
        assertThat(arrete.images()).isEqualTo(1);
        assertThat(arrete.policesIntegrees()).isTrue();
    }

    @Test
    void la_variante_provisoire_vaut_quatre_mois_au_plus_sans_avis_prealable() {
        assertThat(provisoire.texte()).contains(
                "Arrêté n° 2026-083-VP-0042 du 24 mars 2026 portant autorisation provisoire d’un système de"
                        + " vidéoprotection",
                "Considérant l’urgence et l’exposition particulière du site à un risque d’actes de terrorisme",
                "en application de l’article L252-6 du code de la sécurité intérieure",
                "sans avis préalable de la commission départementale de vidéoprotection",
                "sont autorisées à titre provisoire",
                "La présente autorisation provisoire est délivrée pour une durée de quatre mois au plus",
                "Elle prend fin le 23 juillet 2026",
                "Le président de la commission départementale de vidéoprotection a été immédiatement informé de la"
                        + " présente décision",
                "L’avis de la commission sur la mise en œuvre du système sera recueilli avant la décision définitive"
                        + " sur son maintien");
        assertThat(provisoire.texte()).doesNotContain("Vu l’avis émis", "cinq ans", "réserves suivantes",
                "Elle expire le");
    }

    @Test
    void affiche_le_balisage_saisi_comme_du_texte() {
        assertThat(arrete.texte()).contains("Boulangerie Éloïse & Fils <script>alert(1)</script>",
                "Ne filmer ni la terrasse & ni la rue <script>alert(1)</script>");
        assertThat(arrete.occurrences(Exemples.SCRIPT)).isEqualTo(3);
    }

    @Test
    void renseigne_les_metadonnees() {
        assertThat(arrete.titre()).isEqualTo(
                "Arrêté n° 2026-083-VP-0042 du 24 mars 2026 portant autorisation d’un système de vidéoprotection");
        assertThat(provisoire.titre()).isEqualTo("Arrêté n° 2026-083-VP-0042 du 24 mars 2026 portant autorisation"
                + " provisoire d’un système de vidéoprotection");
        assertThat(arrete.auteur()).isEqualTo(GenerateurPdf.AUTEUR);
        assertThat(arrete.langue()).isEqualTo("fr");
        assertThat(arrete.balise()).isTrue();
    }

    @Test
    void confie_son_execution_au_signataire_dans_un_article_d_execution() {
        assertThat(arrete.texte()).contains("Article 9",
                "L’exécution du présent arrêté est confiée " + Signataire.aLaQualite(Exemples.arrete().signataire().qualite()));
        assertThat(Signataire.aLaQualite("Le secrétaire général de la préfecture")).isEqualTo("au secrétaire général de la préfecture");
        assertThat(Signataire.aLaQualite("La directrice de cabinet")).isEqualTo("à la directrice de cabinet");
        assertThat(Signataire.aLaQualite("L’adjoint au chef de bureau")).isEqualTo("à l’adjoint au chef de bureau");
        assertThat(Signataire.aLaQualite("Sous-préfet")).isEqualTo("à Sous-préfet".replace("à S", "à s"));
    }

    @Test
    void vise_la_partie_reglementaire_du_csi_dans_sa_numerotation_actuelle() {
        assertThat(arrete.texte()).as("numérotation issue du décret n° 2023-1102")
                .contains("R252-1", "R252-2", "R252-3", "R252-14", "R252-15")
                .doesNotContain("R251-1 à R253-4");
    }
}
