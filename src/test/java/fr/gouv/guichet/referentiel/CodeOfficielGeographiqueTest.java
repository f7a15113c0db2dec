package fr.gouv.guichet.referentiel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeOfficielGeographiqueTest {

    private final CodeOfficielGeographique cog = new CodeOfficielGeographique();

    @Test
    void unLieuDeNaissanceEstDitEnToutesLettres() {
        assertThat(cog.lieuDeNaissance("83137", "99100")).isEqualTo("Toulon");
        assertThat(cog.lieuDeNaissance("2a004", "99100")).isEqualTo("Ajaccio");
        assertThat(cog.lieuDeNaissance("", "99350")).isEqualTo("À l’étranger : Maroc");
    }

    @Test
    void unCodeAbsentDeLExtraitResteLisibleSansEtreInvente() {
        assertThat(cog.commune("01001")).isEmpty();
        assertThat(cog.lieuDeNaissance("01001", "99100")).isEqualTo("Commune de code INSEE 01001");
        assertThat(cog.lieuDeNaissance("", "99999")).isEqualTo("À l’étranger (pays de code INSEE 99999)");
        assertThat(cog.lieuDeNaissance("", "99100")).isEqualTo("France (commune non transmise)");
    }
}
