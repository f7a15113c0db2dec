package fr.gouv.guichet.mediation.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommunesTest {

    private final Communes communes = new Communes();

    @Test
    void parNomSansAccentNiTiret_ouParCodePostal() {
        assertThat(communes.situer("saint raphael")).get().extracting(Communes.Position::libelle).isEqualTo("Saint-Raphaël");
        assertThat(communes.situer("St-Raphaël")).isPresent();
        assertThat(communes.situer("HYERES")).isPresent();
        assertThat(communes.situer("83200")).get().extracting(Communes.Position::libelle).isEqualTo("Toulon (83200)");
        assertThat(communes.situer("75001")).isEmpty();
        assertThat(communes.situer("Atlantide")).isEmpty();
    }

    @Test
    void distanceToulonDraguignan() {
        double d = RechercheLieux.distanceKm(43.1242, 5.9280, 43.5366, 6.4646);
        assertThat(d).isBetween(60.0, 64.0);
        assertThat(RechercheLieux.distanceKm(43.0, 6.0, 43.0, 6.0)).isZero();
    }
}
