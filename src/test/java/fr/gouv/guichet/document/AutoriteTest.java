package fr.gouv.guichet.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoriteTest {

    private static Autorite autorite(String prefet) {
        return new Autorite("Préfecture", "Bureau de la vidéoprotection", prefet, "Ville", Exemples.tribunal());
    }

    @Test
    void nomme_le_prefet_dans_la_delegation_et_les_recours() {
        Autorite var = autorite("Le préfet du Var");
        assertThat(var.designation()).isEqualTo("le préfet");
        assertThat(var.delegation()).isEqualTo("Pour le préfet et par délégation");
        assertThat(var.complementAupres()).isEqualTo("du préfet du Var");
    }

    @Test
    void accorde_au_feminin_et_distingue_le_prefet_de_police() {
        Autorite aude = autorite("La préfète de l’Aude");
        assertThat(aude.delegation()).isEqualTo("Pour la préfète et par délégation");
        assertThat(aude.complementAupres()).isEqualTo("de la préfète de l’Aude");

        Autorite police = autorite("Le préfet de police");
        assertThat(police.delegation()).isEqualTo("Pour le préfet de police et par délégation");
        assertThat(police.complementAupres()).isEqualTo("du préfet de police");
        assertThat(police.variables()).containsEntry("designation", "le préfet de police");
    }

    @Test
    void nomme_l_autorite_emettrice_en_tete_des_documents() {
        assertThat(autorite("Le préfet du Var").emetteur()).isEqualTo("Préfet du Var");
        assertThat(autorite("La préfète de l’Aude").emetteur()).isEqualTo("Préfète de l’Aude");
        assertThat(autorite("Le préfet de police").emetteur()).isEqualTo("Préfet de police");
        assertThat(Autorite.emetteurDe("Préfecture de police")).isEqualTo("Préfet de police");
        assertThat(Autorite.emetteurDe("Préfecture des Bouches-du-Rhône")).isEqualTo("Préfet des Bouches-du-Rhône");
    }

    @Test
    void exige_un_titre_de_prefet() {
        assertThatThrownBy(() -> autorite("Monsieur le maire")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> autorite(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
