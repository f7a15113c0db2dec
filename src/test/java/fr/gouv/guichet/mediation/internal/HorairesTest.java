package fr.gouv.guichet.mediation.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HorairesTest {

    // Semaine du lundi 7 décembre 2026 ; 11 novembre 2026 est un mercredi férié ; lundi de Pâques 2027 : 29 mars.
    private static final LocalDate LUNDI = LocalDate.of(2026, 12, 7);
    private static final LocalDate MARDI = LUNDI.plusDays(1);
    private static final LocalDate SAMEDI = LUNDI.plusDays(5);
    private static final LocalDate DIMANCHE = LUNDI.plusDays(6);

    private static Horaires lire(String texte) throws HorairesInvalides {
        return Horaires.lire(texte);
    }

    @Test
    void prefectureDuVar_deuxPlagesDuLundiAuVendredi() throws Exception {
        Horaires h = lire("Mo-Fr 08:30-12:30,13:15-16:00; PH off");
        assertThat(h.ouvertA(LUNDI.atTime(8, 29))).isFalse();
        assertThat(h.ouvertA(LUNDI.atTime(8, 30))).isTrue();
        assertThat(h.ouvertA(LUNDI.atTime(12, 29))).isTrue();
        assertThat(h.ouvertA(LUNDI.atTime(12, 30))).as("fin exclue").isFalse();
        assertThat(h.ouvertA(LUNDI.atTime(13, 0))).as("pause méridienne").isFalse();
        assertThat(h.ouvertA(LUNDI.atTime(13, 15))).isTrue();
        assertThat(h.ouvertA(LUNDI.plusDays(4).atTime(15, 59))).as("vendredi").isTrue();
        assertThat(h.ouvertA(SAMEDI.atTime(10, 0))).isFalse();
        assertThat(h.ouvertLe(DIMANCHE)).isFalse();
        assertThat(h.plages(LUNDI)).extracting(Horaires.Plage::libelle).containsExactly("8 h 30 à 12 h 30", "13 h 15 à 16 h 00");
    }

    @Test
    void sousPrefectureDeDraguignan_joursListesEtReglesSuccessives() throws Exception {
        Horaires h = lire("Mo,We 08:30-11:45,14:00-16:15; Tu,Th,Fr 08:30-11:45; PH off");
        assertThat(h.ouvertA(LUNDI.atTime(15, 0))).isTrue();
        assertThat(h.ouvertA(MARDI.atTime(15, 0))).isFalse();
        assertThat(h.ouvertA(MARDI.atTime(9, 0))).isTrue();
        assertThat(h.ouvertA(LUNDI.plusDays(2).atTime(16, 0))).as("mercredi").isTrue();
        assertThat(h.ouvertA(LUNDI.plusDays(3).atTime(14, 30))).as("jeudi après-midi").isFalse();
        assertThat(h.ouvertLe(SAMEDI)).isFalse();
    }

    @Test
    void joursFeriesFermes_memeEnSemaine() throws Exception {
        Horaires h = lire("Mo-Fr 08:30-16:00; PH off");
        assertThat(h.ouvertLe(LocalDate.of(2026, 11, 11))).as("11 novembre, mercredi").isFalse();
        assertThat(h.ouvertLe(LocalDate.of(2026, 12, 25))).as("Noël, vendredi").isFalse();
        assertThat(h.ouvertLe(LocalDate.of(2027, 3, 29))).as("lundi de Pâques 2027").isFalse();
        assertThat(h.ouvertLe(LocalDate.of(2027, 5, 6))).as("Ascension 2027 (jeudi)").isFalse();
        assertThat(h.ouvertLe(LocalDate.of(2027, 5, 17))).as("lundi de Pentecôte 2027").isFalse();
        assertThat(h.ouvertLe(LocalDate.of(2027, 3, 30))).as("mardi après Pâques").isTrue();
    }

    @Test
    void sansPhOff_unJourFerieSuitLeJourDeLaSemaine() throws Exception {
        assertThat(lire("Mo-Fr 09:00-12:00").ouvertLe(LocalDate.of(2026, 11, 11))).isTrue();
    }

    @Test
    void phAvecHorairesPropres_etDansUneListeDeJours() throws Exception {
        Horaires h = lire("Mo-Fr 09:00-17:00; Sa,PH 10:00-12:00");
        assertThat(h.plages(LocalDate.of(2026, 11, 11))).extracting(Horaires.Plage::libelle).containsExactly("10 h 00 à 12 h 00");
        assertThat(h.ouvertA(SAMEDI.atTime(11, 0))).isTrue();
        assertThat(h.ouvertA(LUNDI.atTime(16, 0))).isTrue();
    }

    @Test
    void regleUlterieureRemplaceLaPrecedentePourSesJours() throws Exception {
        Horaires h = lire("Mo-Fr 08:00-18:00; We 08:00-12:00; Fr off");
        assertThat(h.ouvertA(LUNDI.plusDays(2).atTime(14, 0))).as("mercredi après-midi remplacé").isFalse();
        assertThat(h.ouvertA(LUNDI.plusDays(2).atTime(9, 0))).isTrue();
        assertThat(h.ouvertLe(LUNDI.plusDays(4))).as("vendredi off").isFalse();
        assertThat(h.ouvertA(LUNDI.plusDays(3).atTime(17, 59))).as("jeudi inchangé").isTrue();
    }

    @Test
    void plageDeJoursQuiFaitLeTourDeLaSemaine() throws Exception {
        Horaires h = lire("Fr-Mo 10:00-12:00");
        assertThat(h.ouvertLe(SAMEDI)).isTrue();
        assertThat(h.ouvertLe(DIMANCHE)).isTrue();
        assertThat(h.ouvertLe(LUNDI)).isTrue();
        assertThat(h.ouvertLe(MARDI)).isFalse();
    }

    @Test
    void vingtQuatreSurSept_sansJours_etJusquaMinuit() throws Exception {
        assertThat(lire("24/7").ouvertA(LocalDateTime.of(2026, 12, 25, 3, 0))).isTrue();
        Horaires tousLesJours = lire("09:00-18:00");
        assertThat(tousLesJours.ouvertA(DIMANCHE.atTime(9, 0))).isTrue();
        assertThat(tousLesJours.ouvertA(DIMANCHE.atTime(18, 0))).isFalse();
        Horaires minuit = lire("Sa 20:00-24:00");
        assertThat(minuit.ouvertA(SAMEDI.atTime(23, 59))).isTrue();
        assertThat(minuit.plages(SAMEDI)).extracting(Horaires.Plage::libelle).containsExactly("20 h 00 à 24 h 00");
        assertThat(lire("Mo-Fr").ouvertA(MARDI.atTime(LocalTime.of(3, 0)))).as("jours seuls : toute la journée").isTrue();
    }

    @Test
    void espacesToleresEtClosedCommeOff() throws Exception {
        Horaires h = lire("  Mo-Fr 08:30-12:00 , 14:00-17:00 ;  Sa closed ;; ");
        assertThat(h.ouvertA(MARDI.atTime(14, 0))).isTrue();
        assertThat(h.ouvertLe(SAMEDI)).isFalse();
        assertThat(h.texte()).isEqualTo("Mo-Fr 08:30-12:00 , 14:00-17:00 ;  Sa closed ;;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ";", "Lu-Ve 08:00-12:00", "Mo-Fr 8h-12h", "Mo-Fr 08:00-25:00", "Mo-Fr 12:00-08:00",
            "Mo-Fr 22:00-02:00", "Mo-Fr 08:60-09:00", "Jan-Mar Mo 08:00-12:00", "SH off", "Mo-Fr 08:00-12:00 \"sur rendez-vous\"",
            "week 1-53/2 Mo 08:00-12:00", "Mo-Fr 08:00-12:00+", "Mo-Fr 10:00-10:00"})
    void horsDuSousEnsemble_refuseAvecUnMotifFrancais(String texte) {
        assertThatThrownBy(() -> Horaires.lire(texte)).isInstanceOf(HorairesInvalides.class)
                .hasMessageMatching("(?s).*(jour|plage|heure|horaires|règle).*");
    }

    @Test
    void longueurBornee() {
        String long_ = "Mo 08:00-09:00; ".repeat(40);
        assertThatThrownBy(() -> Horaires.lire(long_)).hasMessageContaining("500 caractères");
    }

    @Test
    void datesDePaquesConnues() {
        assertThat(JoursFeries.paques(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(JoursFeries.paques(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(JoursFeries.paques(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(JoursFeries.paques(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(JoursFeries.estFerie(LocalDate.of(2026, 7, 14))).isTrue();
        assertThat(JoursFeries.estFerie(LocalDate.of(2026, 7, 15))).isFalse();
    }
}
