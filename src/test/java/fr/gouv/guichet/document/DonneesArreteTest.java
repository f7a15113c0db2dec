package fr.gouv.guichet.document;

import fr.gouv.guichet.videoprotection.DonneesArrete;

import fr.gouv.guichet.videoprotection.DonneesArrete.Cameras;
import fr.gouv.guichet.videoprotection.DonneesArrete.Regime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DonneesArreteTest {

    private static final DonneesArrete EXEMPLE = Exemples.arrete();

    private static DonneesArrete avecConservation(int jours) {
        DonneesArrete e = EXEMPLE;
        return new DonneesArrete(e.numeroArrete(), e.signeLe(), e.autorite(), e.visasComplementaires(),
                e.numeroDossier(), e.demandeDeposeeLe(), e.titulaire(), e.lieu(), e.cameras(), e.finalites(), jours,
                e.droitAcces(), e.personnesHabilitees(), e.regime(), e.signataire(), e.verification());
    }

    private static DonneesArrete signeLe(LocalDate date, Regime regime) {
        DonneesArrete e = EXEMPLE;
        return new DonneesArrete(e.numeroArrete(), date, e.autorite(), e.visasComplementaires(),
                e.numeroDossier(), e.demandeDeposeeLe(), e.titulaire(), e.lieu(), e.cameras(), e.finalites(),
                e.conservationJours(), e.droitAcces(), e.personnesHabilitees(), regime, e.signataire(),
                e.verification());
    }

    @Test
    void expose_toutes_les_variables_du_gabarit() {
        Map<String, Object> variables = EXEMPLE.variables();

        assertThat(variables).containsKeys("intitule", "provisoire", "numeroArrete", "date", "autorite",
                "visasComplementaires", "numeroDossier", "dateDemande", "titulaire", "lieu", "cameras", "finalites",
                "conservation", "droitAcces", "personnesHabilitees", "dateExpiration", "visaAvis",
                "reserves", "dateRenouvellement", "signataire", "verification");
        assertThat(variables).containsEntry("provisoire", false)
                .containsEntry("date", "24 mars 2026")
                .containsEntry("conservation", "15 jours")
                .containsEntry("visaAvis", "Vu l’avis favorable avec réserves émis par la commission départementale de vidéoprotection lors de sa séance du 10 mars 2026")
                .containsEntry("dateExpiration", "24 mars 2031")
                .containsEntry("dateRenouvellement", "24 novembre 2030");
        assertThat(variables.get("reserves")).isEqualTo(List.of(
                List.of("Masquer les fenêtres des immeubles voisins.",
                        "Ne filmer ni la terrasse & ni la rue " + Exemples.SCRIPT),
                List.of("Transmettre le plan actualisé.")));
        assertThat(((Map<?, ?>) variables.get("cameras")).get("total")).isEqualTo(5);
        assertThat((String) ((Map<?, ?>) variables.get("verification")).get("codeQr"))
                .startsWith("data:image/png;base64,");
    }

    @Test
    void l_autorisation_dure_cinq_ans_de_quantieme_a_quantieme() {
        assertThat(EXEMPLE.expireLe()).isEqualTo(LocalDate.of(2031, 3, 24));
        DonneesArrete bissextile = signeLe(LocalDate.of(2028, 2, 29),
                Regime.Definitif.apresAvis(LocalDate.of(2028, 2, 1)));
        assertThat(bissextile.expireLe()).isEqualTo(LocalDate.of(2033, 2, 28));
        assertThat(bissextile.variables()).containsEntry("dateRenouvellement", "28 octobre 2032");
    }

    @Test
    void la_conservation_des_images_va_de_un_a_trente_jours() {
        assertThat(avecConservation(30).variables()).containsEntry("conservation", "30 jours");
        assertThat(avecConservation(1).variables()).containsEntry("conservation", "1 jour");
        assertThatThrownBy(() -> avecConservation(31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> avecConservation(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void l_autorisation_provisoire_dure_quatre_mois_au_plus() {
        DonneesArrete provisoire = Exemples.arreteProvisoire();
        assertThat(provisoire.provisoire()).isTrue();
        assertThat(provisoire.expireLe()).isEqualTo(LocalDate.of(2026, 7, 23));
        assertThat(provisoire.variables()).containsEntry("dateExpiration", "23 juillet 2026")
                .containsEntry("visaAvis", "")
                .containsEntry("reserves", List.of());
        assertThat(provisoire.intitule()).contains("portant autorisation provisoire");

        LocalDate signe = EXEMPLE.signeLe();
        assertThat(signeLe(signe, new Regime.Provisoire(signe.plusMonths(4))).expireLe())
                .isEqualTo(LocalDate.of(2026, 7, 24));
        assertThatThrownBy(() -> signeLe(signe, new Regime.Provisoire(signe.plusMonths(4).plusDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signeLe(signe, new Regime.Provisoire(signe)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void l_avis_de_la_commission_precede_l_arrete_et_suit_la_demande() {
        LocalDate signe = EXEMPLE.signeLe();
        assertThatThrownBy(() -> signeLe(signe, Regime.Definitif.apresAvis(signe.plusDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signeLe(signe, Regime.Definitif.apresAvis(EXEMPLE.demandeDeposeeLe().minusDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signeLe(EXEMPLE.demandeDeposeeLe().minusDays(1), EXEMPLE.regime()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exige_des_cameras_des_finalites_et_des_personnes_habilitees() {
        assertThatThrownBy(() -> new Cameras(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cameras(2, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        DonneesArrete e = EXEMPLE;
        assertThatThrownBy(() -> new DonneesArrete(e.numeroArrete(), e.signeLe(), e.autorite(),
                e.visasComplementaires(), e.numeroDossier(), e.demandeDeposeeLe(), e.titulaire(), e.lieu(),
                e.cameras(), List.of(), e.conservationJours(), e.droitAcces(), e.personnesHabilitees(), e.regime(),
                e.signataire(), e.verification())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DonneesArrete(e.numeroArrete(), e.signeLe(), e.autorite(),
                e.visasComplementaires(), e.numeroDossier(), e.demandeDeposeeLe(), e.titulaire(), e.lieu(),
                e.cameras(), e.finalites(), e.conservationJours(), e.droitAcces(), List.of(), e.regime(),
                e.signataire(), e.verification())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DonneesArrete(" ", e.signeLe(), e.autorite(),
                e.visasComplementaires(), e.numeroDossier(), e.demandeDeposeeLe(), e.titulaire(), e.lieu(),
                e.cameras(), e.finalites(), e.conservationJours(), e.droitAcces(), e.personnesHabilitees(),
                e.regime(), e.signataire(), e.verification())).isInstanceOf(IllegalArgumentException.class);
    }
}
