package fr.gouv.guichet.document;

import fr.gouv.guichet.videoprotection.DonneesRefus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusPdfTest {

    private static PdfLu refus;

    @BeforeAll
    static void genererLeRefus() {
        refus = PdfLu.lire(Exemples.refus().pdf(new GenerateurPdf(Exemples.moteur())));
    }

    @Test
    void porte_l_en_tete_le_destinataire_et_l_objet() {
        assertThat(refus.estUnPdf()).isTrue();
        assertThat(refus.texte()).contains(
                "RÉPUBLIQUE FRANÇAISE",
                "Préfecture du Var",
                "Affaire suivie par : Bureau de la vidéoprotection",
                "Boulevard du 112e Régiment d’Infanterie",
                "Téléphone : 04 94 18 83 83",
                "Courriel : pref-videoprotection@var.gouv.fr",
                "Toulon, le 24 mars 2026",
                "3 place Carnot",
                "Le préfet du Var",
                "Objet : Refus d’autorisation d’un système de vidéoprotection — dossier n° VP-2025-000987",
                "Réf. : votre demande déposée le 23 novembre 2025",
                "Madame, Monsieur,");
    }

    @Test
    void motive_le_refus_avec_le_texte_de_l_agent_et_sa_base_legale() {
        assertThat(refus.texte()).contains(
                "Par une demande déposée le 23 novembre 2025 et enregistrée sous le numéro VP-2025-000987, vous avez"
                        + " sollicité l’autorisation d’installer et d’exploiter un système de vidéoprotection.",
                "Après avoir recueilli l’avis de la commission départementale de vidéoprotection lors de sa séance du"
                        + " 10 mars 2026, j’ai le regret de vous informer que cette autorisation ne peut vous être"
                        + " accordée, pour les motifs suivants :",
                "Deux caméras extérieures filment la voie publique au-delà des abords immédiats.",
                "Le plan de détail & les photographies ne permettent pas de vérifier le champ de vision.",
                "Cette décision est prise en application des dispositions suivantes :",
                "Article L251-2 du code de la sécurité intérieure (visionnage de la voie publique)",
                "Article L252-2 du code de la sécurité intérieure (abords immédiats des commerces)",
                "motivée en application des articles L211-2 et L211-5 du code des relations entre le public et"
                        + " l’administration",
                "puni de trois ans d’emprisonnement et de 45 000 euros d’amende (article L254-1",
                "Je vous prie d’agréer, Madame, Monsieur, l’expression de ma considération distinguée.");
    }

    @Test
    void garde_les_lignes_et_les_paragraphes_de_la_motivation() {
        assertThat(refus.brut()).containsPattern("abords immédiats\\.[ \\t]*\\R[ \\t]*Un commerçant")
                .containsPattern("son commerce\\.[ \\t]*\\R[ \\t]*Le plan de détail");
        assertThat(refus.texte().indexOf("Deux caméras")).isLessThan(refus.texte().indexOf("Le plan de détail"));
    }

    @Test
    void indique_les_voies_de_recours_la_signature_et_la_verification() {
        assertThat(refus.texte()).contains(
                "Voies et délais de recours",
                "dans un délai de deux mois à compter de sa notification (article R421-1 du code de justice administrative) :",
                "d’un recours gracieux auprès du préfet du Var ;",
                "d’un recours hiérarchique auprès du ministre de l’Intérieur ;",
                "recours contentieux devant le tribunal administratif de Toulon, 5 rue Racine, CS 40510, 83041 Toulon Cedex 9.",
                "Télérecours citoyens, accessible sur le site www.telerecours.fr",
                "Pour le préfet et par délégation,",
                "La directrice de cabinet",
                "Claire Lefèvre",
                "Pour vérifier l’authenticité de ce courrier",
                "P3XR-7KLM");
        assertThat(refus.images()).isEqualTo(1);
        assertThat(refus.policesIntegrees()).isTrue();
    }

    @Test
    void affiche_le_balisage_saisi_comme_du_texte() {
        assertThat(refus.texte()).contains("Boulangerie Éloïse & Fils <script>");
        assertThat(refus.occurrences("Boulangerie Éloïse & Fils " + Exemples.SCRIPT)).isEqualTo(1);
        assertThat(refus.occurrences(Exemples.SCRIPT)).isEqualTo(2);
    }

    @Test
    void renseigne_les_metadonnees() {
        assertThat(refus.titre())
                .isEqualTo("Refus d’autorisation d’un système de vidéoprotection — dossier n° VP-2025-000987");
        assertThat(refus.auteur()).isEqualTo(GenerateurPdf.AUTEUR);
        assertThat(refus.langue()).isEqualTo("fr");
        assertThat(refus.balise()).isTrue();
    }

    @Test
    void sans_avis_de_la_commission_ne_le_mentionne_pas() {
        DonneesRefus exemple = Exemples.refus();
        DonneesRefus sansAvis = new DonneesRefus(exemple.autorite(), exemple.coordonnees(), exemple.signeLe(),
                exemple.destinataire(), exemple.numeroDossier(), exemple.demandeDeposeeLe(), null,
                "Demande irrecevable : un particulier ne peut filmer la voie publique.", exemple.fondements(),
                exemple.signataire(), exemple.verification());

        PdfLu lu = PdfLu.lire(sansAvis.pdf(new GenerateurPdf(Exemples.moteur())));

        assertThat(lu.texte()).contains("J’ai le regret de vous informer que cette autorisation ne peut vous être"
                + " accordée, pour les motifs suivants : Demande irrecevable")
                .doesNotContain("Après avoir recueilli l’avis");
    }
}
