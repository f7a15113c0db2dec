package fr.gouv.guichet.document;

import fr.gouv.guichet.commission.DonneesOrdreDuJour;

import fr.gouv.guichet.commission.DonneesOrdreDuJour.DossierInscrit;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DonneesOrdreDuJourTest {

    private static final LocalDateTime SEANCE = LocalDateTime.of(2026, 6, 1, 9, 5);

    private static DossierInscrit dossier(String numero) {
        return new DossierInscrit(numero, "Demandeur", "Toulon", "Nouveau système", 4, false);
    }

    @Test
    void expose_toutes_les_variables_du_gabarit() {
        Map<String, Object> variables = new DonneesOrdreDuJour("Préfecture du Var", SEANCE, List.of("Salle 1"),
                List.of(dossier("VP-1"))).variables();

        assertThat(variables).containsKeys("titre", "commission", "prefecture", "jour", "date", "heure", "lieu",
                "nombreDossiers", "nombrePrioritaires", "totalCameras", "dossiers");
        assertThat(variables).containsEntry("jour", "lundi 1er juin 2026")
                .containsEntry("heure", "9 h 05")
                .containsEntry("nombreDossiers", "1 dossier inscrit")
                .containsEntry("nombrePrioritaires", 0L)
                .containsEntry("totalCameras", "4 caméras");
    }

    @Test
    void garde_l_ordre_et_compte_les_sites_exposes() {
        Map<String, Object> variables = Exemples.ordreDuJour(6).variables();

        assertThat(variables).containsEntry("nombrePrioritaires", 2L)
                .containsEntry("nombreDossiers", "6 dossiers inscrits");
        assertThat(((List<?>) variables.get("dossiers")).stream().map(d -> (Object) ((Map<?, ?>) d).get("numero")).toList())
                .containsExactly("VP-2026-000001", "VP-2026-000002", "VP-2026-000003", "VP-2026-000004",
                        "VP-2026-000005", "VP-2026-000006");
    }

    @Test
    void refuse_un_ordre_du_jour_vide_ou_un_dossier_inscrit_deux_fois() {
        assertThatThrownBy(() -> new DonneesOrdreDuJour("Préfecture du Var", SEANCE, List.of("Salle 1"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DonneesOrdreDuJour("Préfecture du Var", SEANCE, List.of("Salle 1"),
                List.of(dossier("VP-1"), dossier("VP-1")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DonneesOrdreDuJour("Préfecture du Var", SEANCE, List.of(),
                List.of(dossier("VP-1")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DossierInscrit("VP-1", "Demandeur", "Toulon", "Nouveau système", -1, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
