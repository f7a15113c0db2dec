package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.TypeContenu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NomsFichiersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd|passwd",
            "..\\..\\windows\\system32\\config.pdf|config.pdf",
            "/var/lib/guichet/x.png|x.png",
            "C:\\Users\\Zoé\\Documents\\Récépissé n°1.pdf|Récépissé n 1.pdf",
            ".htaccess|htaccess",
            "rapport final (v2)..pdf|rapport final (v2).pdf",
            "  espaces   multiples  .pdf  |espaces multiples.pdf",
            "plan_de-masse.PDF|plan_de-masse.PDF",
            "Ça été l’été à Noël ÿ.jpg|Ça été l été à Noël ÿ.jpg",
    })
    void retire_les_repertoires_et_les_caracteres_hors_liste(String nom, String attendu) {
        assertThat(NomsFichiers.nettoyer(nom)).isEqualTo(attendu);
    }

    @Test
    void retire_les_caracteres_de_controle_et_de_direction() {
        assertThat(NomsFichiers.nettoyer("a\u0000b\nc\td\u007F.pdf")).isEqualTo("abcd.pdf");
        assertThat(NomsFichiers.nettoyer("facture\u202Efdp.exe")).isEqualTo("facturefdp.exe");
    }

    @Test
    void compose_les_accents() {
        assertThat(NomsFichiers.nettoyer("Re\u0301ce\u0301pisse\u0301.pdf")).isEqualTo("Récépissé.pdf");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"...", "///", "../..", "\u0000\u0001", "<>|?*", "C:\\"})
    void n_est_jamais_vide(String nom) {
        assertThat(NomsFichiers.nettoyer(nom)).isEqualTo("document");
    }

    @Test
    void limite_a_120_caracteres_en_gardant_l_extension() {
        String nom = NomsFichiers.nettoyer("é".repeat(300) + ".pdf");

        assertThat(nom).hasSize(120).endsWith("é.pdf");
        assertThat(NomsFichiers.avecExtension("a".repeat(200), TypeContenu.PNG)).hasSize(120).endsWith("a.png");
    }

    @ParameterizedTest
    @CsvSource({
            "photo.pdf,PNG,photo.png",
            "photo.JPG,JPEG,photo.jpg",
            "photo.jpeg,JPEG,photo.jpeg",
            "scan,PDF,scan.pdf",
            "rapport.v2,PDF,rapport.v2.pdf",
            "archive.tar.gz,PDF,archive.tar.pdf",
            "../.pdf,PDF,pdf.pdf",
            ",PNG,document.png",
    })
    void aligne_l_extension_sur_le_contenu(String nom, TypeContenu type, String attendu) {
        assertThat(NomsFichiers.avecExtension(nom, type)).isEqualTo(attendu);
    }
}
