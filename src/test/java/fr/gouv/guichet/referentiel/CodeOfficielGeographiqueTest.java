package fr.gouv.guichet.referentiel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeOfficielGeographiqueTest {

    private final CodeOfficielGeographique cog = new CodeOfficielGeographique();

    @Test
    void unLieuDeNaissanceEstDitEnToutesLettres() {
        assertThat(cog.lieuDeNaissance("83137", "99100")).isEqualTo("Toulon (83)");
        assertThat(cog.lieuDeNaissance("2a004", "99100")).isEqualTo("Ajaccio (2A)");
        assertThat(cog.lieuDeNaissance("", "99350")).isEqualTo("À l’étranger : Maroc");
    }

    @Test
    void toutesLesCommunesDuCog_ycomprisArrondissementsEtCommunesFusionnees() {
        assertThat(cog.lieuDeNaissance("01001", "99100")).isEqualTo("L'Abergement-Clémenciat (01)");
        assertThat(cog.commune("75101")).contains("Paris 1er Arrondissement (75)");
        assertThat(cog.commune("97411")).contains("Saint-Denis (974)");
        // A commune merged into a commune nouvelle keeps its own code and name (commune déléguée).
        assertThat(cog.commune("14011")).contains("Anctoville (14)");
    }

    @Test
    void tousLesPaysEtTerritoiresDuCog_ycomprisLesEtatsDisparus() {
        assertThat(cog.pays("99100")).contains("France");
        assertThat(cog.pays("99109")).contains("Allemagne");
        assertThat(cog.pays("99132")).contains("Royaume-Uni");
        assertThat(cog.pays("99350")).contains("Maroc");
        assertThat(cog.pays("99352")).contains("Algérie");
        assertThat(cog.pays("99243")).contains("Vietnam");
        assertThat(cog.pays("99432")).contains("Territoires des États-Unis en Amérique");
        assertThat(cog.pays("99699")).contains("Antarctique");
        // A birth before a State disappeared keeps the code of the time.
        assertThat(cog.pays("99115")).contains("Tchécoslovaquie");
        assertThat(cog.pays("99141")).contains("Allemagne de l’Est");
        assertThat(cog.lieuDeNaissance("", "99445")).isEqualTo("À l’étranger : Saint-Martin (partie néerlandaise)");
        // The whole COG list: 255 codes, former States included, all 99XXX.
        assertThat(cog.nombreDePays()).isEqualTo(255);
        assertThat(cog.codesPays()).allMatch(c -> c.matches("99[1-6]\\d{2}"));
    }

    @Test
    void unCodeAbsentResteLisibleSansEtreInvente() {
        assertThat(cog.commune("00000")).isEmpty();
        assertThat(cog.lieuDeNaissance("00000", "99100")).isEqualTo("Commune de code INSEE 00000");
        assertThat(cog.lieuDeNaissance("", "99999")).isEqualTo("À l’étranger (pays de code INSEE 99999)");
        assertThat(cog.lieuDeNaissance("", "99100")).isEqualTo("France (commune non transmise)");
    }
}
