package fr.gouv.guichet.compte;

import fr.gouv.guichet.compte.ReglesMotDePasse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReglesMotDePasseTest {

    @Test
    void longueur() {
        assertThat(ReglesMotDePasse.verifier("", null)).contains("Saisissez un mot de passe.");
        assertThat(ReglesMotDePasse.verifier("Court-1", null)).get().asString().contains("au moins 12 caractères (il en contient 7)");
        assertThat(ReglesMotDePasse.verifier("é".repeat(129), null)).get().asString().contains("128");
        assertThat(ReglesMotDePasse.verifier("Ma voiture rouge roule vite", null)).isEmpty();
    }

    @Test
    void motsDePasseCourantsRefuses() {
        assertThat(ReglesMotDePasse.verifier("azertyuiop123", null)).get().asString().contains("trop courant");
        assertThat(ReglesMotDePasse.verifier("Password123456!", null)).get().asString().contains("trop courant");
        assertThat(ReglesMotDePasse.verifier("123456789012", null)).get().asString().contains("trop courant");
        assertThat(ReglesMotDePasse.verifier("aaaaaaaaaaaaaaa", null)).get().asString().contains("trop courant");
    }

    @Test
    void adresseElectroniqueRefusee() {
        assertThat(ReglesMotDePasse.verifier("jean.dupont-2026-secret", "jean.dupont@exemple.fr")).get().asString()
                .contains("adresse électronique");
    }
}
