package fr.gouv.guichet.socle.securite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, point 6: one normalisation of e-mail addresses, and what a mail server would not deliver is refused. */
class AdressesElectroniquesTest {

    @Test
    void signeKelvin_casseEtEspaces_donnentLAdresseReelle() {
        assertThat(AdressesElectroniques.normaliser(" \u212Aarim.Dupont@Exemple.FR ")).isEqualTo("karim.dupont@exemple.fr");
        assertThat(AdressesElectroniques.normaliser("ｋａｒｉｍ@exemple.fr")).isEqualTo("karim@exemple.fr");
    }

    @Test
    void iMajusculePointeDansLeDomaine_donneUnAutreDomaineEnFormeAscii() {
        String normalisee = AdressesElectroniques.normaliser("usager@demo.gu\u0130chet.local");
        assertThat(normalisee).startsWith("usager@demo.xn--").endsWith(".local").isNotEqualTo("usager@demo.guichet.local");
        assertThat(normalisee).matches("\\p{ASCII}+");
        assertThat(AdressesElectroniques.erreur("usager@demo.gu\u0130chet.local")).isEmpty();
    }

    @Test
    void domaineInternationalise_accepteEnFormeAscii() {
        assertThat(AdressesElectroniques.normaliser("Marie@Café.fr")).isEqualTo("marie@xn--caf-dma.fr");
        assertThat(AdressesElectroniques.erreur("marie@café.fr")).isEmpty();
    }

    @Test
    void partieLocaleNonAscii_refuseeAvecMessageFrancais() {
        assertThat(AdressesElectroniques.erreur("kar\u0130m@exemple.fr")).contains(AdressesElectroniques.NON_ASCII);
        assertThat(AdressesElectroniques.erreur("élodie@exemple.fr")).contains(AdressesElectroniques.NON_ASCII);
    }

    @Test
    void adressesNonDistribuables_refusees() {
        assertThat(AdressesElectroniques.erreur("")).contains(AdressesElectroniques.SAISIR);
        assertThat(AdressesElectroniques.erreur("x<pirate@exemple.fr>")).contains(AdressesElectroniques.INVALIDE);
        assertThat(AdressesElectroniques.erreur("a@b")).contains(AdressesElectroniques.INVALIDE);
        assertThat(AdressesElectroniques.erreur("a@-exemple-.fr")).contains(AdressesElectroniques.INVALIDE);
        assertThat(AdressesElectroniques.erreur("a@exemple\u2028.fr")).isPresent();
        assertThat(AdressesElectroniques.erreur("a".repeat(65) + "@exemple.fr")).isPresent();
        assertThat(AdressesElectroniques.erreur("prenom.nom+guichet@exemple.fr")).isEmpty();
    }
}
