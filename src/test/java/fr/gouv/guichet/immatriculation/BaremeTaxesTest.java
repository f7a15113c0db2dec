package fr.gouv.guichet.immatriculation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaremeTaxesTest {

    static final String PACA = "Provence-Alpes-Côte d'Azur";
    final BaremeTaxes bareme = BaremeTaxes.charger();

    static Vehicule vehicule(int cv) {
        return new Vehicule(1, "AA-001-AA", "VF1", "Peugeot", "208", cv, LocalDate.of(2019, 1, 1), "VP", null,
                new Vehicule.Titulaire("Martin", "Camille"), List.of(), new Vehicule.Adresse("1 rue", "83000", "Toulon", "83"),
                new SituationAdministrative(false, false, false, false), 0);
    }

    @Test
    void leTarifAppliqueEstCeluiEnVigueurALaDateDeLOperation() {
        assertThat(bareme.enVigueur("Y1", PACA, LocalDate.of(2024, 12, 31)).montant()).isEqualByComparingTo("51.20");
        assertThat(bareme.enVigueur("Y1", PACA, LocalDate.of(2025, 1, 1)).montant()).isEqualByComparingTo("60.00");
        BaremeTaxes.Taxes avant = bareme.calculer(Operation.CHANGEMENT_TITULAIRE, vehicule(5), PACA, LocalDate.of(2024, 6, 1), true);
        BaremeTaxes.Taxes apres = bareme.calculer(Operation.CHANGEMENT_TITULAIRE, vehicule(5), PACA, LocalDate.of(2025, 6, 1), true);
        assertThat(avant.lignes()).extracting(BaremeTaxes.Ligne::code).containsExactly("Y1", "Y4", "Y5");
        assertThat(avant.totalCentimes()).isEqualTo(5 * 5120 + 1100 + 276);
        assertThat(apres.totalCentimes()).isEqualTo(5 * 6000 + 1100 + 276);
        assertThat(apres.lignes()).allSatisfy(l -> assertThat(l.source()).isNotBlank());
    }

    @Test
    void changementDAdresseGratuitSurEtiquette_Y5SeulPourUneNouvelleCarte_duplicataSansTaxeRegionale() {
        LocalDate jour = LocalDate.of(2026, 12, 1);
        assertThat(bareme.calculer(Operation.CHANGEMENT_ADRESSE, vehicule(5), PACA, jour, false).totalCentimes()).isZero();
        assertThat(bareme.calculer(Operation.CHANGEMENT_ADRESSE, vehicule(5), PACA, jour, true).totalCentimes()).isEqualTo(276);
        assertThat(bareme.calculer(Operation.DUPLICATA, vehicule(5), PACA, jour, true).lignes()).extracting(BaremeTaxes.Ligne::code)
                .containsExactly("Y4", "Y5");
    }

    @Test
    void sansTarifEnVigueurRienNEstDevine() {
        assertThatThrownBy(() -> bareme.enVigueur("Y1", PACA, LocalDate.of(2023, 12, 31))).isInstanceOf(BaremeTaxes.TarifIntrouvable.class);
        assertThatThrownBy(() -> bareme.enVigueur("Y1", "Atlantide", LocalDate.of(2026, 1, 1))).isInstanceOf(BaremeTaxes.TarifIntrouvable.class);
    }
}
