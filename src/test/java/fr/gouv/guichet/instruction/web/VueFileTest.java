package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.instruction.internal.FileAttente;
import fr.gouv.guichet.instruction.internal.LigneFile;
import fr.gouv.guichet.instruction.internal.Onglet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue page prepared in Java (issue 18) prints what the template's {@code @{…}}, {@code #temporals} and label
 * lookups printed: the expected links below are those Thymeleaf's link builder produced for the same filter.
 */
class VueFileTest {

    private static final Etat DEPOSE = Etat.de("DEPOSE", "Déposé", StatutUsager.DEPOSE, "Déposé", "A_TRAITER");
    private static final Etat ATTENTE_PIECES = Etat.de("ATTENTE_PIECES", "En attente de pièces", StatutUsager.A_COMPLETER,
            "À compléter", "ATTENTE_PIECES");

    @Test
    void liensDesOnglets_duCsvEtDeLaPageSuivante_encodesCommeLeLienThymeleaf_avecLeCheminDeContexte() {
        FileController.Parametres parametres = new FileController.Parametres("EN_INSTRUCTION", null, "Toulon", "oui",
                "2020-01-01", null, "a&b é\"<", "oui", null);
        Map<Onglet, Integer> compteurs = new EnumMap<>(Onglet.class);
        for (Onglet o : Onglet.values()) {
            compteurs.put(o, o.ordinal());
        }
        VueFile vue = VueFile.de("/guichet", "83", parametres, Onglet.EN_INSTRUCTION, compteurs, Map.of(Onglet.DECIDES, 2),
                new FileAttente.Page(List.of(), "MHwxNzg4NDU2NzkzNjU3fDY0MTAwMHw5OQ"), c -> c);

        String filtre = "&demarche=&commune=Toulon&priorite=oui&du=2020-01-01&au=&q=a%26b%20%C3%A9%22%3C&nouveaux=oui&departement=";
        assertThat(vue.onglets()).extracting(VueFile.OngletVue::lien).containsExactly(
                "/guichet/agent/services/83/file?onglet=A_TRAITER" + filtre,
                "/guichet/agent/services/83/file?onglet=EN_INSTRUCTION" + filtre,
                "/guichet/agent/services/83/file?onglet=ATTENTE_PIECES" + filtre,
                "/guichet/agent/services/83/file?onglet=ATTENTE_COMMISSION" + filtre,
                "/guichet/agent/services/83/file?onglet=DECIDES" + filtre);
        assertThat(vue.onglets()).extracting(VueFile.OngletVue::texte).containsExactly("À traiter (0)", "En instruction (1)",
                "En attente de pièces (2)", "En attente d’avis de la commission (3)", "Décidés (4)");
        assertThat(vue.onglets()).extracting(VueFile.OngletVue::courant).containsExactly(false, true, false, false, false);
        assertThat(vue.ailleurs()).containsExactly(new VueFile.AilleursVue(
                "/guichet/agent/services/83/file?onglet=DECIDES" + filtre, "2 dossiers dans l’onglet « Décidés »"));
        assertThat(vue.lienCsv()).isEqualTo("/guichet/agent/services/83/file.csv?onglet=EN_INSTRUCTION" + filtre);
        assertThat(vue.lienSuivant()).isEqualTo("/guichet/agent/services/83/file?onglet=EN_INSTRUCTION" + filtre
                + "&apres=MHwxNzg4NDU2NzkzNjU3fDY0MTAwMHw5OQ");
    }

    @Test
    void codeDeServiceEncodeCommeUnSegmentDeChemin_etSansPageSuivanteNiAilleurs() {
        FileController.Parametres vides = new FileController.Parametres("A_TRAITER", null, null, null, null, null, null, null, null);
        VueFile vue = VueFile.de("", "cert permis/x", vides, Onglet.A_TRAITER, new EnumMap<>(Onglet.class), Map.of(),
                new FileAttente.Page(List.of(), null), c -> c);

        assertThat(vue.lienCsv()).isEqualTo("/agent/services/cert%20permis%2Fx/file.csv?onglet=A_TRAITER"
                + "&demarche=&commune=&priorite=&du=&au=&q=&nouveaux=&departement=");
        assertThat(vue.lienSuivant()).isNull();
        assertThat(vue.ailleurs()).isEmpty();
    }

    @Test
    void cellules_dateDeDepotAParis_rejetImpliciteOuSuspensionOuTiret_libelleDeLaDemarche() {
        // 23 h 30 UTC the 28th of March is already the 29th in Paris (summer time starts that night).
        LigneFile deposee = new LigneFile(42, "VP-083-2026-000042-X", "VP_AUTORISATION", DEPOSE, true,
                Instant.parse("2026-03-28T23:30:00Z"), "<b>Commerce</b> & fils", "Toulon", 12, true,
                LocalDate.of(2026, 7, 5), true, false);
        LigneFile suspendue = new LigneFile(43, "VP-083-2026-000043-Y", "VP_AUTORISATION", ATTENTE_PIECES, false,
                Instant.parse("2026-01-10T10:00:00Z"), "Paul", "", 3, false, null, false, true);
        LigneFile sansObjet = new LigneFile(44, "VP-083-2026-000044-Z", "VP_AUTORISATION", DEPOSE, false,
                Instant.parse("2026-01-10T10:00:00Z"), "Paul", "", 3, false, null, false, false);

        VueFile.LigneVue l = VueFile.ligne("/guichet", deposee, c -> "Libellé de " + c);
        assertThat(l).isEqualTo(new VueFile.LigneVue("/guichet/agent/dossiers/42", "VP-083-2026-000042-X", true, false,
                "<b>Commerce</b> & fils", "Toulon", "Libellé de VP_AUTORISATION", "Déposé", "29/03/2026", 12, true,
                "05/07/2026", true));
        assertThat(VueFile.ligne("", suspendue, c -> c).rejetImplicite()).isEqualTo("Suspendu (pièces attendues)");
        assertThat(VueFile.ligne("", sansObjet, c -> c).rejetImplicite()).isEqualTo("—");
        assertThat(VueFile.ligne("", sansObjet, c -> c).lien()).isEqualTo("/agent/dossiers/44");
    }
}
