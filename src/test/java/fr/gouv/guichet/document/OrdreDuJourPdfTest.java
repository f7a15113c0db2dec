package fr.gouv.guichet.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrdreDuJourPdfTest {

    private static PdfLu ordreDuJour;

    @BeforeAll
    static void genererLOrdreDuJour() {
        ordreDuJour = PdfLu.lire(Exemples.ordreDuJour(60).pdf(new GenerateurPdf(Exemples.moteur())));
    }

    @Test
    void annonce_la_seance() {
        assertThat(ordreDuJour.estUnPdf()).isTrue();
        assertThat(ordreDuJour.texte()).contains(
                "RÉPUBLIQUE FRANÇAISE",
                "Préfecture du Var",
                "Ordre du jour",
                "Commission départementale de vidéoprotection",
                "Séance du lundi 1er juin 2026",
                "La commission se réunira le lundi 1er juin 2026 à 14 h 30, au lieu suivant : Salle Jean Moulin"
                        + " Préfecture du Var, boulevard du 112e Régiment d’Infanterie, Toulon",
                "60 dossiers inscrits (1830 caméras au total)",
                "Dossiers concernant un site exposé au risque terroriste, examinés en priorité : 2");
    }

    @Test
    void liste_les_dossiers_avec_leur_priorite() {
        assertThat(ordreDuJour.texte()).contains(
                "2 VP-2026-000002 Demandeur n° 2 Toulon Nouveau système 2 Oui, prioritaire",
                "3 VP-2026-000003 Demandeur n° 3 Toulon Renouvellement 3 Non",
                "60 VP-2026-000060 Demandeur n° 60 Toulon Renouvellement 60 Non");
        assertThat(ordreDuJour.occurrences("Oui, prioritaire")).isEqualTo(2);
        assertThat(ordreDuJour.texte().indexOf("VP-2026-000009"))
                .isLessThan(ordreDuJour.texte().indexOf("VP-2026-000010"));
    }

    @Test
    void numerote_les_pages_et_repete_l_en_tete_du_tableau() {
        int pages = ordreDuJour.pages();

        assertThat(pages).isGreaterThan(1);
        assertThat(ordreDuJour.texte()).contains("Page 1 sur " + pages, "Page " + pages + " sur " + pages,
                "Préfecture du Var — Ordre du jour de la séance du 1er juin 2026");
        assertThat(ordreDuJour.occurrences("Demandeur Commune Démarche")).isEqualTo(pages);
    }

    @Test
    void affiche_le_balisage_saisi_comme_du_texte() {
        assertThat(ordreDuJour.texte()).contains("<i>Éloïse</i>", "Hyères");
    }

    @Test
    void renseigne_les_metadonnees() {
        assertThat(ordreDuJour.titre())
                .isEqualTo("Ordre du jour de la séance du 1er juin 2026 — Commission départementale de vidéoprotection");
        assertThat(ordreDuJour.auteur()).isEqualTo(GenerateurPdf.AUTEUR);
        assertThat(ordreDuJour.langue()).isEqualTo("fr");
        assertThat(ordreDuJour.balise()).isTrue();
        assertThat(ordreDuJour.images()).isZero();
        assertThat(ordreDuJour.policesIntegrees()).isTrue();
    }
}
