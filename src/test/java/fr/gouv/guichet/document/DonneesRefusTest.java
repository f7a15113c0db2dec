package fr.gouv.guichet.document;

import fr.gouv.guichet.videoprotection.DonneesRefus;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DonneesRefusTest {

    private static final DonneesRefus EXEMPLE = Exemples.refus();

    private static DonneesRefus avec(LocalDate avisCommissionLe, String motivation, List<String> fondements) {
        DonneesRefus e = EXEMPLE;
        return new DonneesRefus(e.autorite(), e.coordonnees(), e.signeLe(), e.destinataire(), e.numeroDossier(),
                e.demandeDeposeeLe(), avisCommissionLe, motivation, fondements, e.signataire(), e.verification());
    }

    @Test
    void expose_toutes_les_variables_du_gabarit() {
        Map<String, Object> variables = EXEMPLE.variables();

        assertThat(variables).containsKeys("objet", "autorite", "coordonnees", "date", "destinataire",
                "numeroDossier", "dateDemande", "dateAvisCommission", "motivation", "fondements", "signataire",
                "verification");
        assertThat(variables).containsEntry("objet",
                        "Refus d’autorisation d’un système de vidéoprotection — dossier n° VP-2025-000987")
                .containsEntry("date", "24 mars 2026")
                .containsEntry("dateAvisCommission", "10 mars 2026");
        assertThat((List<?>) variables.get("motivation")).hasSize(2);
    }

    @Test
    void la_commission_peut_ne_pas_avoir_ete_consultee() {
        assertThat(avec(null, "Motif.", EXEMPLE.fondements()).variables()).containsEntry("dateAvisCommission", "");
    }

    @Test
    void exige_une_motivation_et_une_base_legale() {
        assertThatThrownBy(() -> avec(null, " \n ", EXEMPLE.fondements()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> avec(null, "Motif.", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void l_avis_se_situe_entre_la_demande_et_le_refus() {
        assertThatThrownBy(() -> avec(EXEMPLE.signeLe().plusDays(1), "Motif.", EXEMPLE.fondements()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> avec(EXEMPLE.demandeDeposeeLe().minusDays(1), "Motif.", EXEMPLE.fondements()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
